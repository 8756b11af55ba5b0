import type { AdvisoryPeriodTally } from '../../../shared/contract/reports';
import { advisoryKinds } from '../../../shared/domain/escort-kinds';
import type { Bounds } from '../../../shared/domain/time';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { bump, zeroCounts } from './stats';

/** 劝导 taps in a range (undone taps do not count), by kind, over the advisories_at index. */
export const ADVISORY_SQL = `
SELECT kind, COUNT(*) FROM advisories WHERE at >= ? AND at < ? AND undone_at IS NULL GROUP BY kind`;

export function advisoryTally(db: Db, range: Bounds): AdvisoryPeriodTally {
  const byKind = zeroCounts(Object.keys(advisoryKinds));
  delete byKind.unset; // kind is NOT NULL
  let total = 0;
  for (const [kind, n] of stmt(db, ADVISORY_SQL).raw(true).all(range.start, range.end) as [string, number][]) {
    bump(byKind, kind, n);
    total += n;
  }
  return { total, byKind };
}
