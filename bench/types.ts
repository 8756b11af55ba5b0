/** One figure of `npm run bench`, as written to bench/results.json. */
export interface BenchEntry {
  /** e.g. 'P1.p99' */
  id: string;
  name: string;
  value: number;
  unit: string;
  /** The raw-library baseline measured in the same run (same unit). */
  baseline: number;
  /** value / baseline. */
  ratio: number;
  /** The goal in words, e.g. 'p99 ≤ 2 × raw + 1 ms'. */
  goal: string;
  pass: boolean;
}

export interface BenchContext {
  /** `--quick`: smaller datasets and fewer rounds, still every entry. */
  quick: boolean;
  /** A scratch folder for this run. */
  workDir: string;
  log(line: string): void;
}

/** Each figure's module default-exports one of these. */
export type BenchSuite = (ctx: BenchContext) => Promise<BenchEntry[]>;

export const entry = (e: Omit<BenchEntry, 'ratio'> & { ratio?: number }): BenchEntry => ({
  ...e,
  ratio: e.ratio ?? (e.baseline > 0 ? Math.round((e.value / e.baseline) * 100) / 100 : 0),
});

export const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
