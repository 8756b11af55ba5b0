import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { helmetRowsDatabase } from '../helpers/report-fixtures';
import { helmetTally } from '../../electron/core/reports/helmet-tally';

// What migration 006's per-stop columns stand for, computed the long way: a join of the month's stops
// to their sessions and first quiz attempts (the query the month tally ran before).
const JOINED = `
SELECT COUNT(DISTINCT es.stop_id) AS offered,
  COUNT(DISTINCT CASE WHEN es.chosen_at IS NOT NULL AND es.phase != 'fine' THEN es.stop_id END) AS chosen,
  AVG(CASE WHEN es.watched_seconds > 0 THEN es.watched_seconds END) AS meanWatched,
  COUNT(q.session_id) AS quizzes, COALESCE(SUM(q.passed), 0) AS passed
FROM helmet_stops s
JOIN education_sessions es ON es.stop_id = s.id
LEFT JOIN quiz_attempts q ON q.session_id = es.id AND q.attempt = 1
WHERE s.outcome != 'cancelled'`;

// Ended phases only: the schema allows one live session per kiosk, and `chosen` turns on fine vs the rest.
const phases = ['done', 'fine', 'failed', 'abandoned', 'stopped'] as const;
const seeded = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** Random stops, sessions (offered, chosen, watched, moved through phases) and quiz attempts. */
function play(db: Database.Database, steps: number, check?: () => void) {
  const rand = seeded(11);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  const anyId = (table: string) =>
    db.prepare(`SELECT id FROM ${table} ORDER BY random() LIMIT 1`).pluck().get() as number | undefined;
  for (let i = 0; i < steps; i++) {
    const r = rand();
    if (r < 0.2) {
      db.prepare(
        `INSERT INTO helmet_stops (vehicle, plate, place, stopped_at, officer_id, prior_stops, window_months, eligible, outcome, fine_yuan, updated_at)
         VALUES (?, '聊城000001', '岗亭', ?, 1, 0, 12, 1, ?, 20, 0)`,
      ).run(
        pick(['ebike', 'motorcycle']),
        1_700_000_000_000 + i,
        pick(['open', 'offered', 'fined', 'completed', 'cancelled']),
      );
    } else if (r < 0.4) {
      const stop = anyId('helmet_stops');
      if (stop)
        db.prepare(
          `INSERT INTO education_sessions (stop_id, kiosk_id, video_id, duration_seconds, phase, offered_at, offered_by, updated_at)
           VALUES (?, 1, 'v1', 600, 'stopped', 0, 1, 0)`,
        ).run(stop);
    } else if (r < 0.8) {
      const session = anyId('education_sessions');
      if (session)
        db.prepare('UPDATE education_sessions SET phase = ?, chosen_at = ?, watched_seconds = ? WHERE id = ?').run(
          pick(phases),
          rand() < 0.7 ? i : null,
          rand() < 0.3 ? 0 : Math.round(rand() * 600),
          session,
        );
    } else {
      const session = anyId('education_sessions');
      if (session) {
        const attempt =
          1 + (db.prepare('SELECT COUNT(*) FROM quiz_attempts WHERE session_id = ?').pluck().get(session) as number);
        db.prepare(
          `INSERT INTO quiz_attempts (session_id, attempt, question_ids, answers, correct, total, passed, at) VALUES (?, ?, '[]', '[]', 4, 5, ?, 0)`,
        ).run(session, attempt, rand() < 0.8 ? 1 : 0);
      }
    }
    check?.();
  }
}

function expectTallyMatchesJoin(db: Database.Database) {
  const joined = db.prepare(JOINED).get() as {
    offered: number;
    chosen: number;
    meanWatched: number | null;
    quizzes: number;
    passed: number;
  };
  const tally = helmetTally(db, { start: 0, end: 2_000_000_000_000 });
  expect(tally).toMatchObject({
    offered: joined.offered,
    chosen: joined.chosen,
    meanMinutesWatched: joined.meanWatched === null ? null : oneDecimal(joined.meanWatched / 60),
    quizFirstTryPassPercent: joined.quizzes ? oneDecimal((joined.passed / joined.quizzes) * 100) : null,
  });
}

describe('per-stop education figures (migration 006 triggers)', () => {
  it('give the month tally the same figures as the join, after every one of 1,500 random writes', () => {
    const db = helmetRowsDatabase();
    let step = 0;
    play(db, 1500, () => {
      if (++step % 25 === 0) expectTallyMatchesJoin(db);
    });
    expectTallyMatchesJoin(db);
    expect(helmetTally(db, { start: 0, end: 2_000_000_000_000 }).offered).toBeGreaterThan(10);
  });

  it('are backfilled from sessions written before the migration', () => {
    const db = helmetRowsDatabase(5);
    play(db, 600);
    migrate(db);
    expectTallyMatchesJoin(db);
  });
});
