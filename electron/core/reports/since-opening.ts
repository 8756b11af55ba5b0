import type { SinceOpening } from '../../../shared/contract/reports';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { readCounter, TOTAL_KEY } from '../escorts/counters';

/**
 * Running totals since the post opened. Escorts come from their running counter and the first record's
 * time is a MIN over an index (one seek each). 劝导 has no running counter yet, so its total is a COUNT
 * that reads the whole table (tens of ms at 50 × volume; see bench P2.sinceOpening).
 */
export function sinceOpening(db: Db): SinceOpening {
  const first = stmt(
    db,
    'SELECT MIN(t) AS t FROM (SELECT MIN(requested_at) AS t FROM escorts UNION ALL SELECT MIN(at) FROM advisories)',
  ).get() as {
    t: number | null;
  };
  const advisories = stmt(db, 'SELECT COUNT(*) AS n FROM advisories WHERE undone_at IS NULL').get() as { n: number };
  return {
    since: first.t,
    // Kept by the escort feature as it records (logged +1, cancelled −1), so it survives retention purges.
    escorts: readCounter(db, TOTAL_KEY),
    advisories: advisories.n,
    helmetStops: null,
    educationsCompleted: null,
  };
}
