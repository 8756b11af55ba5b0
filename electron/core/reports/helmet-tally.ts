import type { HelmetTally, YearMonthRow } from '../../../shared/contract/reports';
import type { Bounds } from '../../../shared/domain/time';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';

/**
 * Helmet stops of a month (stopped_at), cancelled (撤销) stops left out, in one pass over the
 * helmet_stops_stopped_at range: the education figures are kept on each stop by migration 006's
 * triggers. `fine_yuan` is the amount that applied; it counts only when fined.
 */
export const HELMET_STOPS_SQL = `
SELECT vehicle, COUNT(*), SUM(eligible), SUM(outcome = 'completed'), SUM(outcome = 'abandoned'), SUM(outcome = 'fined'),
  SUM(CASE WHEN outcome = 'fined' THEN fine_yuan ELSE 0 END), SUM(prior_stops > 0),
  SUM(offered), SUM(chose_education), SUM(watched_seconds), SUM(watched_sessions), SUM(quiz_first_tries), SUM(quiz_first_passes)
FROM helmet_stops WHERE stopped_at >= ? AND stopped_at < ? AND outcome != 'cancelled' GROUP BY vehicle`;

export const HELMET_MONTH_SQL = `
SELECT COUNT(*), SUM(outcome = 'completed'), SUM(outcome = 'fined')
FROM helmet_stops WHERE stopped_at >= ? AND stopped_at < ? AND outcome != 'cancelled'`;

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function helmetTally(db: Db, range: Bounds): HelmetTally {
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
  const rows = stmt(db, HELMET_STOPS_SQL).raw(true).all(range.start, range.end) as [string, ...number[]][];
  let watched = 0;
  let watchedSessions = 0;
  let quizzes = 0;
  let passed = 0;
  for (const [vehicle, stops, eligible, completed, abandoned, fines, fineYuan, repeat, ...education] of rows) {
    tally.byVehicle[vehicle] = stops!;
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
  const [stops, completed, fines] = stmt(db, HELMET_MONTH_SQL).raw(true).get(range.start, range.end) as (
    number | null
  )[];
  return { helmetStops: stops ?? 0, educationsCompleted: completed ?? 0, fines: fines ?? 0 };
}
