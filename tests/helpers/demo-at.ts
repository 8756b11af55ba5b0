import { expect } from 'vitest';
import { verifyChain } from '../../electron/core/audit/chain';
import { localParts, localToUtc } from '../../shared/domain/time';
import { SH } from './calendar-edges';
import { startTestCore } from './test-core';

const DAY = 86_400_000;

/**
 * Starts a core with `--demo` history of `years` years at the injected instant `now` and checks the
 * seeding finished with a believable history: it covers every calendar month back to the same month
 * `years` ago, about 7 escorts and 1–3 helmet stops a day, nothing after `now`, and a sound audit chain.
 */
export async function expectDemoSeededAt(now: number, years: number) {
  const started = performance.now();
  const core = await startTestCore({ demo: true, demoYears: years, clock: () => now });
  try {
    const ms = performance.now() - started;
    const { db } = core.core;
    const one = <T>(sql: string) => db.prepare(sql).get() as T;
    const today = localParts(now, SH);
    const firstDay = localToUtc(SH, today.year - years, today.month);
    const days = (now - firstDay) / DAY;

    const e = one<{ n: number; first: number; last: number; after: number }>(
      `SELECT COUNT(*) AS n, MIN(requested_at) AS first, MAX(requested_at) AS last,
              SUM(COALESCE(handed_over_at, cancelled_at) > ${now}) AS after FROM escorts`,
    );
    expect(e.n / days, 'escorts a day').toBeGreaterThan(6);
    expect(e.n / days, 'escorts a day').toBeLessThan(8);
    expect(e.first - firstDay, 'history starts in the first month').toBeLessThan(DAY);
    expect(now - e.last, 'history reaches the last day').toBeLessThan(DAY);
    expect(e.after).toBe(0);

    const months = (db.prepare('SELECT requested_at AS at FROM escorts').pluck().all() as number[]).map((at) => {
      const p = localParts(at, SH);
      return p.year * 12 + p.month;
    });
    // Every month from `years` ago to now holds escorts (the current month too, unless `now` is its first minute).
    const distinct = new Set(months).size;
    expect(distinct).toBeGreaterThanOrEqual(years * 12);
    expect(distinct).toBeLessThanOrEqual(years * 12 + 1);

    const h = one<{ n: number; last: number; after: number; open: number }>(
      `SELECT COUNT(*) AS n, MAX(stopped_at) AS last, SUM(stopped_at > ${now}) AS after,
              SUM(outcome IN ('open', 'offered', 'education')) AS open FROM helmet_stops`,
    );
    expect(h.n / days, 'helmet stops a day').toBeGreaterThan(1);
    expect(h.n / days, 'helmet stops a day').toBeLessThan(3.5);
    expect(now - h.last).toBeLessThan(4 * DAY);
    expect([h.after, h.open]).toEqual([0, 0]);
    expect(verifyChain(db).ok).toBe(true);
    return { escorts: e.n, helmetStops: h.n, ms: Math.round(ms) };
  } finally {
    await core.dispose();
  }
}
