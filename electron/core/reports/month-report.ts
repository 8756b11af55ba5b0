import type { MonthReport, MonthTally } from '../../../shared/contract/reports';
import { addMonths, monthBounds } from '../../../shared/domain/time';
import type { Db } from '../db/open';
import { readSettings } from '../settings-store';
import { advisoryTally } from './advisory-tally';
import { doorTimes } from './door-times';
import { escortTally } from './escort-tally';
import { helmetTally } from './helmet-tally';
import { sinceOpening } from './since-opening';
import { yearTally } from './year-tally';

export function monthTally(db: Db, year: number, month: number, timeZone: string): MonthTally {
  const range = monthBounds(timeZone, year, month);
  return {
    year,
    month,
    escorts: escortTally(db, range, timeZone),
    advisories: advisoryTally(db, range),
    helmet: helmetTally(db, range),
  };
}

/**
 * Everything the 统计报表 screen and every export show for one month, read in one transaction so the
 * figures are one consistent snapshot (a booth may record an escort meanwhile).
 */
export function monthReport(db: Db, year: number, month: number, now: number): MonthReport {
  return db.transaction(() => {
    const settings = readSettings(db);
    const tz = settings.timeZone;
    const prev = addMonths(year, month, -1);
    return {
      postName: settings.postName,
      timeZone: tz,
      generatedAt: now,
      namesInExports: settings.exportPersonNames,
      month: monthTally(db, year, month, tz),
      previousMonth: monthTally(db, prev.year, prev.month, tz),
      sameMonthLastYear: monthTally(db, year - 1, month, tz),
      year: yearTally(db, year, tz),
      sinceOpening: sinceOpening(db),
      doorTimes: doorTimes(db, monthBounds(tz, year, month)),
    };
  })();
}
