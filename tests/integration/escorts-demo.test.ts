import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../electron/core/audit/chain';
import { migrate } from '../../electron/core/db/migrate';
import { seedDemoEscorts } from '../../electron/core/demo/escorts-seed';
import { timelineProblem } from '../../shared/domain/escort-timeline';
import { checkPlate } from '../../shared/domain/plate';

describe('demo escort history', () => {
  it('seeds about 7 believable escorts a day through the domain functions, fast', () => {
    const db = new Database(':memory:');
    migrate(db);
    const addOfficer = db.prepare(
      `INSERT INTO officers (badge, name, role, pin_hash, created_at) VALUES (?, ?, 'officer', 'x', 0)`,
    );
    addOfficer.run('900003', '张伟');
    addOfficer.run('900004', '刘洋');
    const now = Date.UTC(2026, 5, 15, 4, 0);
    const started = performance.now();
    const stats = seedDemoEscorts(db, now, 1);
    console.log(`demo: one year seeded in ${Math.round(performance.now() - started)} ms`, stats);

    const days = 366;
    expect(stats.escorts / days).toBeGreaterThan(6);
    expect(stats.escorts / days).toBeLessThan(8);
    expect(stats.cancelled).toBeGreaterThan(0);
    expect(stats.cancelled / stats.escorts).toBeLessThan(0.05);

    const rows = db.prepare('SELECT * FROM escorts').all() as Record<string, number | string | null>[];
    expect(rows).toHaveLength(stats.escorts);
    for (const r of rows) {
      expect(checkPlate(String(r.plate)).ok, String(r.plate)).toBe(true);
      const times = {
        requested: r.requested_at,
        met: r.met_at,
        departed: r.departed_at,
        arrived: r.arrived_at,
        handedOver: r.handed_over_at,
      };
      expect(timelineProblem(times as Record<string, number | null>, now)).toBeUndefined();
      expect(r.backdated).toBe(0);
      expect(Number(r.handed_over_at ?? r.cancelled_at)).toBeLessThan(now);
    }
    const mix = (col: string) =>
      Object.fromEntries(
        (
          db.prepare(`SELECT ${col} AS k, COUNT(*) AS n FROM escorts GROUP BY ${col}`).all() as {
            k: string;
            n: number;
          }[]
        ).map((r) => [r.k, r.n]),
      );
    expect(Object.keys(mix('source')).sort()).toEqual(['110', '120', '122', 'flagged', 'hospital', 'other']);
    expect(Object.keys(mix('condition'))).toHaveLength(8);
    expect(mix('source')['120']).toBeGreaterThan(mix('source').flagged!);
    // Median 接报→会合 of a few minutes, 接报→交接 under half an hour.
    const median = (sql: string) => {
      const v = (db.prepare(sql).all() as { d: number }[]).map((r) => r.d).sort((x, y) => x - y);
      return v[Math.floor(v.length / 2)]! / 60_000;
    };
    expect(median('SELECT met_at - requested_at AS d FROM escorts WHERE met_at IS NOT NULL')).toBeGreaterThan(2);
    expect(median('SELECT met_at - requested_at AS d FROM escorts WHERE met_at IS NOT NULL')).toBeLessThan(8);
    expect(
      median('SELECT handed_over_at - requested_at AS d FROM escorts WHERE handed_over_at IS NOT NULL'),
    ).toBeLessThan(30);

    const total = (db.prepare(`SELECT value FROM counters WHERE key = 'escorts.total'`).get() as { value: number })
      .value;
    expect(total).toBe(stats.escorts - stats.cancelled);
    expect((db.prepare('SELECT COUNT(*) AS n FROM advisories WHERE undone_at IS NULL').get() as { n: number }).n).toBe(
      stats.advisories,
    );
    expect(verifyChain(db)).toMatchObject({ ok: true });
  });
});
