import type { YearMonthRow, YearTally } from '../../../shared/contract/reports';
import { monthRange, yearRange, type Range } from '../../../shared/domain/time';
import type { Db } from '../db/open';
import { medianMinutes } from './stats';

/** The 11 instants where a post-local month ends inside the year, for bucketing rows by month. */
const monthStarts = (year: number, timeZone: string) =>
  Array.from({ length: 11 }, (_, i) => monthRange(year, i + 2, timeZone).start);

/** SQL for "which month of the year (0–11)": the count of month starts at or before `column`. */
export const monthBucketSql = (column: string) => Array.from({ length: 11 }, () => `(${column} >= ?)`).join(' + ');

export const YEAR_ESCORTS_SQL = `
SELECT requested_at, status, handed_over_at FROM escorts WHERE requested_at >= ? AND requested_at < ?`;

export const YEAR_ADVISORIES_SQL = `
SELECT ${monthBucketSql('at')} AS m, COUNT(*) FROM advisories
WHERE at >= ? AND at < ? AND undone_at IS NULL GROUP BY m`;

const bucketOf = (starts: number[], ms: number) => {
  let m = 0;
  while (m < starts.length && ms >= starts[m]!) m++;
  return m;
};

/** Helmet figures per month, or null while the helmet tables are not in this build. */
export type HelmetByMonth = (db: Db, year: Range, starts: number[]) => Pick<YearMonthRow, 'helmetStops' | 'educationsCompleted' | 'fines'>[] | null;

export function yearTally(db: Db, year: number, timeZone: string, helmetByMonth?: HelmetByMonth): YearTally {
  const range = yearRange(year, timeZone);
  const starts = monthStarts(year, timeZone);
  const months: YearMonthRow[] = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    escorts: 0,
    handedOver: 0,
    cancelled: 0,
    medianRequestToHandover: null,
    advisories: 0,
    helmetStops: null,
    educationsCompleted: null,
    fines: null,
  }));
  const toHandover: number[][] = months.map(() => []);
  const rows = db.prepare(YEAR_ESCORTS_SQL).raw(true).all(range.start, range.end) as [number, string, number | null][];
  for (const [requestedAt, status, handedOverAt] of rows) {
    const m = bucketOf(starts, requestedAt);
    const row = months[m]!;
    if (status === 'handedOver') row.handedOver++;
    if (status === 'cancelled') row.cancelled++;
    else row.escorts++;
    if (handedOverAt !== null) toHandover[m]!.push(handedOverAt - requestedAt);
  }
  months.forEach((row, m) => (row.medianRequestToHandover = medianMinutes(toHandover[m]!)));
  for (const [m, n] of db.prepare(YEAR_ADVISORIES_SQL).raw(true).all(...starts, range.start, range.end) as [number, number][])
    months[m]!.advisories = n;
  const helmet = helmetByMonth?.(db, range, starts) ?? null;
  if (helmet) helmet.forEach((h, m) => Object.assign(months[m]!, h));
  const sum = (pick: (r: YearMonthRow) => number | null) =>
    months.reduce<number | null>((s, r) => (pick(r) === null ? s : (s ?? 0) + pick(r)!), helmet ? 0 : null);
  return {
    year,
    months,
    totals: {
      escorts: months.reduce((s, r) => s + r.escorts, 0),
      handedOver: months.reduce((s, r) => s + r.handedOver, 0),
      cancelled: months.reduce((s, r) => s + r.cancelled, 0),
      medianRequestToHandover: medianMinutes(toHandover.flat()),
      advisories: months.reduce((s, r) => s + r.advisories, 0),
      helmetStops: sum((r) => r.helmetStops),
      educationsCompleted: sum((r) => r.educationsCompleted),
      fines: sum((r) => r.fines),
    },
  };
}
