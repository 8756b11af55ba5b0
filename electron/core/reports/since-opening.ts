import type { SinceOpening } from '../../../shared/contract/reports';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { readCounter, TOTAL_KEY } from '../escorts/counters';

/**
 * Running totals since the post opened: each figure is a running counter (escorts kept by the escort
 * feature; 劝导 and helmet stops by migration 004's triggers) and the first record's time is a MIN over
 * an index per table (one seek each). Nothing here reads history.
 */
export function sinceOpening(db: Db): SinceOpening {
  const first = stmt(
    db,
    `SELECT MIN(t) AS t FROM (SELECT MIN(requested_at) AS t FROM escorts UNION ALL SELECT MIN(at) FROM advisories
       UNION ALL SELECT MIN(stopped_at) FROM helmet_stops)`,
  ).get() as {
    t: number | null;
  };
  return {
    since: first.t,
    // Kept by the escort feature as it records (logged +1, cancelled −1), so it survives retention purges.
    escorts: readCounter(db, TOTAL_KEY),
    advisories: readCounter(db, 'advisories.total'),
    helmetStops: readCounter(db, 'helmet.stops'),
    educationsCompleted: readCounter(db, 'helmet.completed'),
  };
}
