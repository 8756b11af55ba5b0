import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { helmetRowsDatabase } from '../helpers/report-fixtures';
import { seededRandom } from '../../electron/core/demo/seeded-random';
import {
  foldHelmetRows,
  HELMET_STOPS_SQL,
  helmetTally,
  type FigureRow,
} from '../../electron/core/reports/helmet-tally';
import { monthBounds, type Bounds } from '../../shared/domain/time';

// Migration 007's rollup (helmet figures per UTC day and hour) must give any range's tally exactly what
// reading the stops themselves gives, whatever was written, in any zone: Asia/Shanghai months are whole
// UTC hours and days, Asia/Kolkata (+5:30) and Asia/Kathmandu (+5:45) months begin and end mid-hour.

const HOUR = 3_600_000;
const OCT_2026 = Date.UTC(2026, 9, 1);
const outcomes = ['open', 'offered', 'fined', 'education', 'completed', 'abandoned', 'cancelled'] as const;

/** Stops around the edges of October 2026 in several zones, then every kind of change to them. */
function play(db: Database.Database, steps: number, check?: () => void) {
  const rand = seededRandom(7);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  // Within 60 hours of 1 October or 1 November (UTC), to the minute: month edges, whole days and hours.
  const when = () => pick([OCT_2026, Date.UTC(2026, 10, 1)]) + Math.round((rand() - 0.5) * 120 * 60) * 60_000;
  // Rows are chosen with the seeded generator, not SQLite's random(): the same run every time, so the
  // coverage checks at the end (stops in Kolkata's part-hours …) cannot fail on an unlucky draw.
  const nth = (sql: string) => {
    const ids = db.prepare(sql).pluck().all() as number[];
    return ids.length ? ids[Math.floor(rand() * ids.length)] : undefined;
  };
  const anyStop = () => nth('SELECT id FROM helmet_stops ORDER BY id') as number;
  for (let i = 0; i < steps; i++) {
    const r = rand();
    if (r < 0.35 || i < 5) {
      db.prepare(
        `INSERT INTO helmet_stops (vehicle, plate, place, stopped_at, officer_id, prior_stops, window_months, eligible, outcome, fine_yuan, updated_at)
         VALUES (?, '聊城000001', '岗亭', ?, 1, ?, 12, ?, ?, ?, 0)`,
      ).run(
        pick(['ebike', 'motorcycle']),
        when(),
        pick([0, 0, 1, 2]),
        rand() < 0.8 ? 1 : 0,
        pick(outcomes),
        pick([20, 50]),
      );
    } else if (r < 0.55) {
      db.prepare('UPDATE helmet_stops SET outcome = ?, fine_yuan = ? WHERE id = ?').run(
        pick(outcomes),
        pick([0, 20, 50]),
        anyStop(),
      );
    } else if (r < 0.62) {
      db.prepare('UPDATE helmet_stops SET stopped_at = ?, vehicle = ? WHERE id = ?').run(
        when(),
        pick(['ebike', 'motorcycle']),
        anyStop(),
      );
    } else if (r < 0.67) {
      // Retention's wipe: the counts stay.
      db.prepare('UPDATE helmet_stops SET plate = NULL, rider_name = NULL, personal_wiped_at = 1 WHERE id = ?').run(
        anyStop(),
      );
    } else if (r < 0.7) {
      const free = nth(
        'SELECT id FROM helmet_stops WHERE id NOT IN (SELECT stop_id FROM education_sessions) ORDER BY id',
      );
      if (free !== undefined) db.prepare('DELETE FROM helmet_stops WHERE id = ?').run(free);
    } else if (r < 0.85) {
      db.prepare(
        `INSERT INTO education_sessions (stop_id, kiosk_id, video_id, duration_seconds, phase, offered_at, offered_by, updated_at, chosen_at, watched_seconds)
         VALUES (?, 1, 'v1', 600, ?, 0, 1, 0, ?, ?)`,
      ).run(anyStop(), pick(['done', 'fine', 'abandoned']), rand() < 0.7 ? i : null, Math.round(rand() * 600));
    } else {
      const session = nth('SELECT id FROM education_sessions ORDER BY id');
      if (session)
        db.prepare(
          `INSERT INTO quiz_attempts (session_id, attempt, question_ids, answers, correct, total, passed, at)
           VALUES (?, 1 + (SELECT COUNT(*) FROM quiz_attempts WHERE session_id = ?), '[]', '[]', 4, 5, ?, 0)`,
        ).run(session, session, rand() < 0.8 ? 1 : 0);
    }
    check?.();
  }
}

const ranges: [string, Bounds][] = [
  ['October, Asia/Shanghai', monthBounds('Asia/Shanghai', 2026, 10)],
  ['October, Asia/Kolkata', monthBounds('Asia/Kolkata', 2026, 10)],
  ['October, Asia/Kathmandu', monthBounds('Asia/Kathmandu', 2026, 10)],
  ['November, UTC', monthBounds('UTC', 2026, 11)],
  ['a part of one hour', { start: OCT_2026 + 10 * 60_000, end: OCT_2026 + 50 * 60_000 }],
  ['hours within a day', { start: OCT_2026 + 3 * HOUR + 10 * 60_000, end: OCT_2026 + 9 * HOUR }],
  ['two whole days and hours', { start: OCT_2026 - 5 * HOUR, end: OCT_2026 + 50 * HOUR + 1 }],
  ['everything', { start: 0, end: 2 * OCT_2026 }],
];

/** The same tally read the long way: the stops themselves, no rollup. */
const fromStops = (db: Database.Database, range: Bounds) =>
  foldHelmetRows(db.prepare(HELMET_STOPS_SQL).raw(true).all(range.start, range.end) as FigureRow[]);

function expectRollupMatchesStops(db: Database.Database) {
  for (const [name, range] of ranges) expect(helmetTally(db, range), name).toEqual(fromStops(db, range));
}

describe('helmet figures per UTC day and hour (migration 007)', () => {
  it('give every month the tally of its stops, in whole- and part-hour zones, after each of 1,200 random writes', () => {
    const db = helmetRowsDatabase();
    let step = 0;
    play(db, 1200, () => {
      if (++step % 10 === 0) expectRollupMatchesStops(db);
    });
    expectRollupMatchesStops(db);
    const shanghai = helmetTally(db, ranges[0]![1]);
    const kolkata = monthBounds('Asia/Kolkata', 2026, 10);
    // The data really does reach the cases: stops in the month, some in Kolkata's part-hours.
    expect(shanghai.stops).toBeGreaterThan(50);
    expect(shanghai.offered).toBeGreaterThan(5);
    expect(
      db
        .prepare(
          'SELECT COUNT(*) FROM helmet_stops WHERE (stopped_at >= ? AND stopped_at < ?) OR (stopped_at >= ? AND stopped_at < ?)',
        )
        .pluck()
        .get(kolkata.start, Math.ceil(kolkata.start / HOUR) * HOUR, Math.floor(kolkata.end / HOUR) * HOUR, kolkata.end),
    ).toBeGreaterThan(0);
  });

  it('are backfilled from the stops written before the migration', () => {
    const db = helmetRowsDatabase(6);
    play(db, 600);
    migrate(db);
    expectRollupMatchesStops(db);
    expect(helmetTally(db, ranges.at(-1)![1]).stops).toBeGreaterThan(50);
  });

  it('leave the rollup alone when a write changes no figure (a retention wipe, a repeated heartbeat)', () => {
    const db = helmetRowsDatabase();
    play(db, 50);
    const before = db.prepare('SELECT * FROM helmet_rollup ORDER BY span, bucket, vehicle').all();
    let writes = 0;
    db.function('count_write', () => ++writes);
    db.exec('CREATE TEMP TRIGGER watch AFTER UPDATE ON helmet_rollup BEGIN SELECT count_write(); END');
    db.prepare('UPDATE helmet_stops SET plate = NULL, personal_wiped_at = 2').run();
    db.prepare('UPDATE helmet_stops SET watched_seconds = watched_seconds').run();
    expect(writes).toBe(0);
    expect(db.prepare('SELECT * FROM helmet_rollup ORDER BY span, bucket, vehicle').all()).toEqual(before);
  });
});
