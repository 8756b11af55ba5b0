import type { IntervalStats } from '../../../shared/contract/reports';

const MINUTE = 60_000;
/** Minutes with one decimal: the one rounding every screen and export shares. */
export const toMinutes = (ms: number): number => Math.round((ms / MINUTE) * 10) / 10;

/**
 * Median (mean of the two middle values for an even count), p90 by nearest rank (the ⌈0.9 n⌉-th
 * smallest, so it is always an observed interval), mean and max. Input in ms; output in minutes.
 */
export function intervalStats(durationsMs: number[]): IntervalStats {
  const n = durationsMs.length;
  if (n === 0) return { count: 0, median: null, p90: null, mean: null, max: null };
  const sorted = Float64Array.from(durationsMs).sort();
  const mid = n >> 1;
  const median = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  let sum = 0;
  for (const d of sorted) sum += d;
  return {
    count: n,
    median: toMinutes(median),
    p90: toMinutes(sorted[Math.ceil(0.9 * n) - 1]!),
    mean: toMinutes(sum / n),
    max: toMinutes(sorted[n - 1]!),
  };
}

/** A group_concat list of integers (ms) from SQLite; null (no rows) is an empty list. */
export const durations = (list: string | null): number[] => (list ? list.split(',').map(Number) : []);

export const medianMinutes = (durationsMs: number[]): number | null => intervalStats(durationsMs).median;

/** Counts with every vocabulary code present (zero when unseen), plus `unset` for blank records. */
export function zeroCounts(codes: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of codes) counts[c] = 0;
  counts.unset = 0;
  return counts;
}

export const bump = (counts: Record<string, number>, code: string | null, by = 1) => {
  const key = code ?? 'unset';
  counts[key] = (counts[key] ?? 0) + by;
};
