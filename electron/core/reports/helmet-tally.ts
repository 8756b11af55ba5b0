import type { HelmetTally, YearMonthRow } from '../../../shared/contract/reports';
import type { Bounds } from '../../../shared/domain/time';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';

/** The figures summed, in the order both reads below return them after `vehicle`. */
const FIGURES = `COUNT(*), SUM(eligible), SUM(outcome = 'completed'), SUM(outcome = 'abandoned'), SUM(outcome = 'fined'),
  SUM(CASE WHEN outcome = 'fined' THEN fine_yuan ELSE 0 END), SUM(prior_stops > 0),
  SUM(offered), SUM(chose_education), SUM(watched_seconds), SUM(watched_sessions), SUM(quiz_first_tries), SUM(quiz_first_passes)`;

/**
 * Helmet stops (stopped_at) themselves, cancelled (撤销) stops left out, over the
 * helmet_stops_stopped_at range: the education figures are kept on each stop by migration 006's
 * triggers. `fine_yuan` is the amount that applied; it counts only when fined.
 */
export const HELMET_STOPS_SQL = `
SELECT vehicle, ${FIGURES}
FROM helmet_stops WHERE stopped_at >= ? AND stopped_at < ? AND outcome != 'cancelled' GROUP BY vehicle`;

/** The same figures from migration 007's rollup, for a run of whole UTC hours (span 1) or days (span 24). */
export const HELMET_ROLLUP_SQL = `
SELECT vehicle, SUM(stops), SUM(eligible), SUM(completed), SUM(abandoned), SUM(fines), SUM(fine_yuan), SUM(repeat_riders),
  SUM(offered), SUM(chose_education), SUM(watched_seconds), SUM(watched_sessions), SUM(quiz_first_tries), SUM(quiz_first_passes)
FROM helmet_rollup WHERE span = ? AND bucket >= ? AND bucket < ? GROUP BY vehicle`;

const HOUR = 3_600_000;
const oneDecimal = (n: number) => Math.round(n * 10) / 10;
export type FigureRow = [string, ...number[]];

/**
 * The range's rows from the fewest reads: whole UTC days from the rollup, whole hours from it either
 * side of them, and the stops themselves for any part-hour at either end (none for a month in a
 * whole-hour zone such as Asia/Shanghai: there a month is 8 hours, 30 days and 16 hours).
 */
function figureRows(db: Db, range: Bounds): FigureRow[] {
  const rows: FigureRow[] = [];
  const stops = (start: number, end: number) => {
    if (start < end) rows.push(...(stmt(db, HELMET_STOPS_SQL).raw(true).all(start, end) as FigureRow[]));
  };
  const rollup = (span: number, first: number, last: number) => {
    if (first < last) rows.push(...(stmt(db, HELMET_ROLLUP_SQL).raw(true).all(span, first, last) as FigureRow[]));
  };
  const h0 = Math.ceil(range.start / HOUR);
  const h1 = Math.floor(range.end / HOUR);
  if (h0 >= h1) {
    stops(range.start, range.end);
    return rows;
  }
  stops(range.start, h0 * HOUR);
  const d0 = Math.ceil(h0 / 24);
  const d1 = Math.floor(h1 / 24);
  if (d0 < d1) {
    rollup(1, h0, d0 * 24);
    rollup(24, d0, d1);
    rollup(1, d1 * 24, h1);
  } else rollup(1, h0, h1);
  stops(h1 * HOUR, range.end);
  return rows;
}

export function helmetTally(db: Db, range: Bounds): HelmetTally {
  return foldHelmetRows(figureRows(db, range));
}

/** Rows of per-vehicle figures (either read above) summed into the tally the screen shows. */
export function foldHelmetRows(rows: FigureRow[]): HelmetTally {
  const tally: HelmetTally = {
    stops: 0,
    byVehicle: { ebike: 0, motorcycle: 0 },
    eligible: 0,
    offered: 0,
    chosen: 0,
    completed: 0,
    abandoned: 0,
    fines: 0,
    fineYuan: 0,
    repeatRiders: 0,
    meanMinutesWatched: null,
    quizFirstTryPassPercent: null,
  };
  let watched = 0;
  let watchedSessions = 0;
  let quizzes = 0;
  let passed = 0;
  for (const [vehicle, stops, eligible, completed, abandoned, fines, fineYuan, repeat, ...education] of rows) {
    tally.byVehicle[vehicle] = (tally.byVehicle[vehicle] ?? 0) + stops!;
    tally.stops += stops!;
    tally.eligible += eligible!;
    tally.completed += completed!;
    tally.abandoned += abandoned!;
    tally.fines += fines!;
    tally.fineYuan += fineYuan!;
    tally.repeatRiders += repeat!;
    const [offered, chosen, seconds, sessions, tries, passes] = education as number[];
    tally.offered += offered!;
    tally.chosen += chosen!;
    watched += seconds!;
    watchedSessions += sessions!;
    quizzes += tries!;
    passed += passes!;
  }
  tally.meanMinutesWatched = watchedSessions ? oneDecimal(watched / watchedSessions / 60) : null;
  tally.quizFirstTryPassPercent = quizzes ? oneDecimal((passed / quizzes) * 100) : null;
  return tally;
}

/** The helmet columns of one month of the year view. */
export function helmetMonth(
  db: Db,
  range: Bounds,
): Pick<YearMonthRow, 'helmetStops' | 'educationsCompleted' | 'fines'> {
  const { stops, completed, fines } = helmetTally(db, range);
  return { helmetStops: stops, educationsCompleted: completed, fines };
}
