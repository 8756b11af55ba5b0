import type { YearMonthRow, YearTally } from '../../../shared/contract/reports';
import { monthBounds } from '../../../shared/domain/time';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { helmetMonth } from './helmet-tally';
import { durations, medianMinutes } from './stats';

/** One month of the year view in one pass over the escorts_requested_at range. */
export const YEAR_ESCORTS_SQL = `
SELECT SUM(status != 'cancelled'), SUM(status = 'handedOver'), SUM(status = 'cancelled'), group_concat(handed_over_at - requested_at)
FROM escorts WHERE requested_at >= ? AND requested_at < ?`;

export const YEAR_ADVISORIES_SQL = `SELECT COUNT(*) FROM advisories WHERE at >= ? AND at < ? AND undone_at IS NULL`;

/**
 * The year by post-local month: twelve range reads per table (each an index range, like a month
 * tally) rather than one scan with a computed month, which would sort the whole year.
 */
export function yearTally(db: Db, year: number, timeZone: string): YearTally {
  const escorts = stmt(db, YEAR_ESCORTS_SQL).raw(true);
  const advisories = stmt(db, YEAR_ADVISORIES_SQL).pluck();
  const allToHandover: number[] = [];
  const months = Array.from({ length: 12 }, (_, i): YearMonthRow => {
    const range = monthBounds(timeZone, year, i + 1);
    const [kept, handedOver, cancelled, list] = escorts.get(range.start, range.end) as [
      number | null,
      number | null,
      number | null,
      string | null,
    ];
    const toHandover = durations(list);
    for (const d of toHandover) allToHandover.push(d);
    const helmet = helmetMonth(db, range);
    return {
      month: i + 1,
      escorts: kept ?? 0,
      handedOver: handedOver ?? 0,
      cancelled: cancelled ?? 0,
      medianRequestToHandover: medianMinutes(toHandover),
      advisories: advisories.get(range.start, range.end) as number,
      ...helmet,
    };
  });
  const sum = (pick: (r: YearMonthRow) => number) => months.reduce((s, r) => s + pick(r), 0);
  return {
    year,
    months,
    totals: {
      escorts: sum((r) => r.escorts),
      handedOver: sum((r) => r.handedOver),
      cancelled: sum((r) => r.cancelled),
      medianRequestToHandover: medianMinutes(allToHandover),
      advisories: sum((r) => r.advisories),
      helmetStops: sum((r) => r.helmetStops),
      educationsCompleted: sum((r) => r.educationsCompleted),
      fines: sum((r) => r.fines),
    },
  };
}
