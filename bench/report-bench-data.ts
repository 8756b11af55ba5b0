// The benchmark dataset of the report figures (P2, P5): ten years at 50 × the post's real volume.
import type { Db } from '../electron/core/db/open';
import { generateHelmetStops } from './helmet-dataset';
import { generateEscortsAndAdvisories } from './report-dataset';

export const BENCH_NOW = Date.UTC(2026, 10, 15, 4); // mid-November 2026, noon in China
/** The month measured: a full month inside the history (October 2026). */
export const BENCH_MONTH = { year: 2026, month: 10 };

export const benchVolume = (quick: boolean) =>
  quick
    ? { escorts: 20_000, advisories: 30_000, helmetStops: 100_000 }
    : { escorts: 200_000, advisories: 300_000, helmetStops: 1_000_000 };

/** Fills `db` (migrated, with officers) and returns how long that took. */
export function fillBenchDataset(
  db: Db,
  quick: boolean,
  officerIds: number[],
): { ms: number; volume: ReturnType<typeof benchVolume>; summary: string } {
  const volume = benchVolume(quick);
  const t0 = performance.now();
  generateEscortsAndAdvisories(db, { ...volume, years: 10, now: BENCH_NOW, officerIds, seed: 2026 });
  const helmet = generateHelmetStops(db, { stops: volume.helmetStops, years: 10, now: BENCH_NOW, officerIds, seed: 2027 });
  checkCounters(db);
  db.pragma('optimize');
  // A booth's WAL is checkpointed as it goes; the bulk load leaves a large one behind.
  db.pragma('wal_checkpoint(TRUNCATE)');
  const ms = performance.now() - t0;
  const summary =
    `${volume.escorts} escorts, ${volume.advisories} 劝导, ${volume.helmetStops} helmet stops ` +
    `(${helmet.sessions} education sessions, ${helmet.attempts} quiz attempts) over 10 years, loaded in ${(ms / 1000).toFixed(1)} s`;
  return { ms, volume, summary };
}

/** The since-opening counters must agree with the rows after a bulk load (migration 004's triggers keep them). */
function checkCounters(db: Db): void {
  const counter = db.prepare('SELECT value FROM counters WHERE key = ?').pluck();
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const expected: [string, number][] = [
    ['advisories.total', count('SELECT COUNT(*) FROM advisories WHERE undone_at IS NULL')],
    ['helmet.stops', count("SELECT COUNT(*) FROM helmet_stops WHERE outcome != 'cancelled'")],
    ['helmet.completed', count("SELECT COUNT(*) FROM helmet_stops WHERE outcome = 'completed'")],
  ];
  for (const [key, n] of expected)
    if (counter.get(key) !== n) throw new Error(`counter ${key} is ${String(counter.get(key))}, the rows say ${n}`);
}

/**
 * Median time of the synchronous `fn` over `rounds` runs, after ten warm-up runs (the JIT settles
 * first). Measured as this process's CPU time (user + system): the work is synchronous SQLite and JS,
 * so on an idle machine it equals wall time, and on a shared one other processes do not inflate it.
 */
export function medianMs(rounds: number, fn: () => unknown): number {
  for (let i = 0; i < 10; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t0);
    times.push((d.user + d.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
