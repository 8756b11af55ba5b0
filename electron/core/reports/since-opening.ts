import type { SinceOpening } from '../../../shared/contract/reports';
import type { Db } from '../db/open';

/**
 * Kept by the escort feature as it records (logged +1, cancelled −1; never recounted), so it survives
 * retention purges. Same key as electron/core/escorts/counters.ts on the escort branch.
 */
import { TOTAL_KEY } from '../escorts/counters';

/** The escort feature keeps this counter as each escort is created. */
export const ESCORTS_TOTAL_COUNTER = TOTAL_KEY;

const counter = (db: Db, key: string): number =>
  (db.prepare('SELECT value FROM counters WHERE key = ?').get(key) as { value: number } | undefined)?.value ?? 0;

/**
 * Running totals since the post opened. Escorts come from their counter; the first record's time is
 * a MIN over an index (one seek each), so the whole costs a handful of b-tree lookups.
 */
export function sinceOpening(db: Db): SinceOpening {
  const first = db
    .prepare(
      'SELECT MIN(t) AS t FROM (SELECT MIN(requested_at) AS t FROM escorts UNION ALL SELECT MIN(at) FROM advisories)',
    )
    .get() as { t: number | null };
  const advisories = db.prepare('SELECT COUNT(*) AS n FROM advisories WHERE undone_at IS NULL').get() as { n: number };
  return {
    since: first.t,
    escorts: counter(db, ESCORTS_TOTAL_COUNTER),
    advisories: advisories.n,
    helmetStops: null,
    educationsCompleted: null,
  };
}
