// Per-stop education figures for 统计报表, kept on the stop by triggers: a month's helmet tally is then
// one pass over the helmet_stops_stopped_at range, with no join to its sessions and quiz attempts (at
// 50 × volume a month holds ~8,000 stops). Each trigger recomputes the one stop's figures from its own
// few sessions, so no sequence of writes can leave them out of step; the backfill uses the same SQL.

/** The stop's education figures recomputed from its sessions; `stop` is an SQL expression for its id. */
const figuresOf = (stop: string) => `
  offered = EXISTS (SELECT 1 FROM education_sessions es WHERE es.stop_id = ${stop}),
  chose_education = EXISTS (SELECT 1 FROM education_sessions es
    WHERE es.stop_id = ${stop} AND es.chosen_at IS NOT NULL AND es.phase != 'fine'),
  watched_seconds = (SELECT COALESCE(SUM(es.watched_seconds), 0) FROM education_sessions es
    WHERE es.stop_id = ${stop} AND es.watched_seconds > 0),
  watched_sessions = (SELECT COUNT(*) FROM education_sessions es WHERE es.stop_id = ${stop} AND es.watched_seconds > 0),
  quiz_first_tries = (SELECT COUNT(*) FROM education_sessions es
    JOIN quiz_attempts q ON q.session_id = es.id AND q.attempt = 1 WHERE es.stop_id = ${stop}),
  quiz_first_passes = (SELECT COALESCE(SUM(q.passed), 0) FROM education_sessions es
    JOIN quiz_attempts q ON q.session_id = es.id AND q.attempt = 1 WHERE es.stop_id = ${stop})`;

export default /* sql */ `
ALTER TABLE helmet_stops ADD COLUMN offered INTEGER NOT NULL DEFAULT 0;
ALTER TABLE helmet_stops ADD COLUMN chose_education INTEGER NOT NULL DEFAULT 0;
ALTER TABLE helmet_stops ADD COLUMN watched_seconds REAL NOT NULL DEFAULT 0;
ALTER TABLE helmet_stops ADD COLUMN watched_sessions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE helmet_stops ADD COLUMN quiz_first_tries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE helmet_stops ADD COLUMN quiz_first_passes INTEGER NOT NULL DEFAULT 0;

UPDATE helmet_stops SET ${figuresOf('helmet_stops.id')}
  WHERE id IN (SELECT stop_id FROM education_sessions);

CREATE TRIGGER helmet_figures_session_insert AFTER INSERT ON education_sessions
BEGIN
  UPDATE helmet_stops SET ${figuresOf('NEW.stop_id')} WHERE id = NEW.stop_id;
END;
CREATE TRIGGER helmet_figures_session_update AFTER UPDATE OF chosen_at, phase, watched_seconds ON education_sessions
BEGIN
  UPDATE helmet_stops SET ${figuresOf('NEW.stop_id')} WHERE id = NEW.stop_id;
END;
CREATE TRIGGER helmet_figures_quiz_insert AFTER INSERT ON quiz_attempts WHEN NEW.attempt = 1
BEGIN
  UPDATE helmet_stops SET ${figuresOf('(SELECT stop_id FROM education_sessions WHERE id = NEW.session_id)')}
    WHERE id = (SELECT stop_id FROM education_sessions WHERE id = NEW.session_id);
END;
`;
