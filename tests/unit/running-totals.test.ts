import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations/index';
import { readCounter } from '../../electron/core/escorts/counters';
import { sinceOpening } from '../../electron/core/reports/since-opening';

const outcomes = ['open', 'offered', 'fined', 'education', 'completed', 'abandoned', 'cancelled'] as const;

/** A small seeded generator, so a failure replays. */
function seeded(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('since-opening running totals (migration 004 triggers)', () => {
  it('match a full recount after every one of 2,000 random inserts, outcome changes, undos and deletes', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare(
      "INSERT INTO officers (badge, name, role, pin_hash, created_at) VALUES ('900003', '张伟', 'officer', 'x', 0)",
    ).run();
    const addStop = db.prepare(
      `INSERT INTO helmet_stops (vehicle, plate, place, stopped_at, officer_id, prior_stops, window_months, eligible, outcome, fine_yuan, updated_at)
       VALUES ('ebike', '聊城000001', '岗亭', ?, 1, 0, 12, 1, ?, 0, 0)`,
    );
    const addAdvisory = db.prepare(
      "INSERT INTO advisories (kind, officer_id, at, shift_date, shift) VALUES ('parking', 1, ?, '2026-11-26', 'day')",
    );
    const recount = () => ({
      advisories: db.prepare('SELECT COUNT(*) FROM advisories WHERE undone_at IS NULL').pluck().get(),
      stops: db.prepare("SELECT COUNT(*) FROM helmet_stops WHERE outcome != 'cancelled'").pluck().get(),
      completed: db.prepare("SELECT COUNT(*) FROM helmet_stops WHERE outcome = 'completed'").pluck().get(),
    });
    const counters = () => ({
      advisories: readCounter(db, 'advisories.total'),
      stops: readCounter(db, 'helmet.stops'),
      completed: readCounter(db, 'helmet.completed'),
    });
    const rand = seeded(7);
    const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
    const anyId = (table: string) =>
      db.prepare(`SELECT id FROM ${table} ORDER BY random() LIMIT 1`).pluck().get() as number | undefined;
    for (let i = 0; i < 2000; i++) {
      const r = rand();
      if (r < 0.3) addStop.run(1_700_000_000_000 + i, pick(outcomes));
      else if (r < 0.55) addAdvisory.run(1_700_000_000_000 + i);
      else if (r < 0.8) {
        const id = anyId('helmet_stops');
        if (id) db.prepare('UPDATE helmet_stops SET outcome = ? WHERE id = ?').run(pick(outcomes), id);
      } else if (r < 0.95) {
        const id = anyId('advisories');
        if (id)
          db.prepare(
            'UPDATE advisories SET undone_at = CASE WHEN undone_at IS NULL THEN 1 ELSE NULL END WHERE id = ?',
          ).run(id);
      } else {
        const id = anyId('advisories');
        if (id) db.prepare('DELETE FROM advisories WHERE id = ?').run(id);
      }
      expect(counters(), `after step ${i}`).toEqual(recount());
    }
    const totals = sinceOpening(db);
    expect(totals).toMatchObject({
      advisories: recount().advisories,
      helmetStops: recount().stops,
      educationsCompleted: recount().completed,
    });
    expect(totals.since).toBe(
      db.prepare('SELECT MIN(t) FROM (SELECT MIN(at) AS t FROM advisories UNION ALL SELECT MIN(stopped_at) FROM helmet_stops)').pluck().get(),
    );
  });

  it('seeds the counters from rows written before the migration', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 3));
    db.prepare(
      "INSERT INTO officers (badge, name, role, pin_hash, created_at) VALUES ('900003', '张伟', 'officer', 'x', 0)",
    ).run();
    for (let i = 0; i < 5; i++)
      db.prepare(
        "INSERT INTO advisories (kind, officer_id, at, shift_date, shift, undone_at) VALUES ('other', 1, ?, '2026-11-26', 'day', ?)",
      ).run(i, i === 0 ? 9 : null);
    migrate(db);
    expect(readCounter(db, 'advisories.total')).toBe(4);
    expect(readCounter(db, 'helmet.stops')).toBe(0);
  });
});
