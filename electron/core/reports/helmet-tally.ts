import type { HelmetTally, YearMonthRow } from '../../../shared/contract/reports';
import type { Bounds } from '../../../shared/domain/time';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';

/**
 * Helmet stops of a month (stopped_at), cancelled (撤销) stops left out, in one pass over the
 * helmet_stops_stopped_at range. `fine_yuan` is the amount that applied; it counts only when fined.
 */
export const HELMET_STOPS_SQL = `
SELECT vehicle, COUNT(*), SUM(eligible), SUM(outcome = 'completed'), SUM(outcome = 'abandoned'), SUM(outcome = 'fined'),
  SUM(CASE WHEN outcome = 'fined' THEN fine_yuan ELSE 0 END), SUM(prior_stops > 0)
FROM helmet_stops WHERE stopped_at >= ? AND stopped_at < ? AND outcome != 'cancelled' GROUP BY vehicle`;

/**
 * The month's education sessions through their stops (education_sessions_stop), with each session's
 * first quiz attempt (quiz_attempts' (session_id, attempt) key): offered, chosen, watched, passed.
 */
export const HELMET_SESSIONS_SQL = `
SELECT COUNT(DISTINCT es.stop_id),
  COUNT(DISTINCT CASE WHEN es.chosen_at IS NOT NULL AND es.phase != 'fine' THEN es.stop_id END),
  AVG(CASE WHEN es.watched_seconds > 0 THEN es.watched_seconds END),
  COUNT(q.session_id), SUM(q.passed)
FROM helmet_stops s
CROSS JOIN education_sessions es ON es.stop_id = s.id
LEFT JOIN quiz_attempts q ON q.session_id = es.id AND q.attempt = 1
WHERE s.stopped_at >= ? AND s.stopped_at < ? AND s.outcome != 'cancelled'`;

export const HELMET_MONTH_SQL = `
SELECT COUNT(*), SUM(outcome = 'completed'), SUM(outcome = 'fined')
FROM helmet_stops WHERE stopped_at >= ? AND stopped_at < ? AND outcome != 'cancelled'`;

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function helmetTally(db: Db, range: Bounds): HelmetTally {
  const tally: HelmetTally = {
    stops: 0,
    byVehicle: { ebike: 0, motorcycle: 0 },
    eligible: 0,
    offered: 0,
    chosen: 0,
    completed: 0,
    abandoned: 0,
    fines: 0,
    fineYuan: 0,
    repeatRiders: 0,
    meanMinutesWatched: null,
    quizFirstTryPassPercent: null,
  };
  const rows = stmt(db, HELMET_STOPS_SQL).raw(true).all(range.start, range.end) as [string, ...number[]][];
  for (const [vehicle, stops, eligible, completed, abandoned, fines, fineYuan, repeat] of rows) {
    tally.byVehicle[vehicle] = stops!;
    tally.stops += stops!;
    tally.eligible += eligible!;
    tally.completed += completed!;
    tally.abandoned += abandoned!;
    tally.fines += fines!;
    tally.fineYuan += fineYuan!;
    tally.repeatRiders += repeat!;
  }
  const [offered, chosen, meanWatched, quizzes, passed] = stmt(db, HELMET_SESSIONS_SQL)
    .raw(true)
    .get(range.start, range.end) as (number | null)[];
  tally.offered = offered ?? 0;
  tally.chosen = chosen ?? 0;
  tally.meanMinutesWatched = meanWatched === null || meanWatched === undefined ? null : oneDecimal(meanWatched / 60);
  tally.quizFirstTryPassPercent = quizzes ? oneDecimal(((passed ?? 0) / quizzes) * 100) : null;
  return tally;
}

/** The helmet columns of one month of the year view. */
export function helmetMonth(
  db: Db,
  range: Bounds,
): Pick<YearMonthRow, 'helmetStops' | 'educationsCompleted' | 'fines'> {
  const [stops, completed, fines] = stmt(db, HELMET_MONTH_SQL).raw(true).get(range.start, range.end) as (
    number | null
  )[];
  return { helmetStops: stops ?? 0, educationsCompleted: completed ?? 0, fines: fines ?? 0 };
}
