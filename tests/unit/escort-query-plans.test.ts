import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';

const plan = (db: Database.Database, sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(0, 1) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('escort hot queries use their indexes', () => {
  const db = new Database(':memory:');
  migrate(db);

  it('counts a day/month/year from the (requested_at, status) index alone', () => {
    expect(
      plan(
        db,
        `SELECT COUNT(*) AS n FROM escorts WHERE requested_at >= ? AND requested_at < ? AND status != 'cancelled'`,
      ),
    ).toMatch(/USING COVERING INDEX escorts_requested_at/);
  });

  it('finds the open escorts and a recent same-plate escort without a scan', () => {
    expect(plan(db, `SELECT * FROM escorts WHERE status NOT IN ('handedOver', 'cancelled') AND ? < ?`)).toMatch(
      /escorts_open/,
    );
    expect(plan(db, `SELECT * FROM escorts WHERE plate = 'x' AND requested_at BETWEEN ? AND ?`)).toMatch(
      /INDEX escorts_plate/,
    );
  });

  it('reads a shift tally by officer and shift', () => {
    expect(
      plan(
        db,
        `SELECT kind, COUNT(*) FROM advisories WHERE officer_id = ? AND shift_date = ? AND shift = 'day' GROUP BY kind`,
      ),
    ).toMatch(/INDEX advisories_officer/);
  });
});
