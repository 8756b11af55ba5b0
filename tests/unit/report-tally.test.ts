import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import type { Db } from '../../electron/core/db/open';
import { advisoryTally } from '../../electron/core/reports/advisory-tally';
import { escortTally } from '../../electron/core/reports/escort-tally';
import { helmetTally } from '../../electron/core/reports/helmet-tally';
import { monthReport, monthTally } from '../../electron/core/reports/month-report';
import { sinceOpening } from '../../electron/core/reports/since-opening';
import { intervalStats } from '../../electron/core/reports/stats';
import { yearTally } from '../../electron/core/reports/year-tally';
import { monthBounds, localToUtc } from '../../shared/domain/time';
import { insertAdvisory, insertEscort, insertHelmetStop, insertOfficers } from '../helpers/report-fixtures';

// The process runs in UTC (as CI does) while the post is in China: every cut below is China time.
process.env.TZ = 'UTC';
const SH = 'Asia/Shanghai';
const cst = (y: number, mo: number, d: number, h = 0, mi = 0) => localToUtc(SH, y, mo, d, h, mi);

let db: Db;
let zhang: number;
let liu: number;
beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
  [zhang, liu] = insertOfficers(db, ['张伟', '刘洋']) as [number, number];
});

describe('interval statistics', () => {
  it('gives median, nearest-rank p90, mean and max in minutes', () => {
    const min = (...m: number[]) => m.map((x) => x * 60_000);
    // Sorted 2 3 5 10: median (3+5)/2 = 4, p90 = ⌈3.6⌉ = 4th = 10, mean 20/4 = 5, max 10.
    expect(intervalStats(min(3, 10, 2, 5))).toEqual({ count: 4, median: 4, p90: 10, mean: 5, max: 10 });
    // Odd count: 1 2 4 → median 2, p90 ⌈2.7⌉ = 3rd = 4, mean 2.333… → 2.3.
    expect(intervalStats(min(4, 1, 2))).toEqual({ count: 3, median: 2, p90: 4, mean: 2.3, max: 4 });
    expect(intervalStats([])).toEqual({ count: 0, median: null, p90: null, mean: null, max: null });
  });
});

describe('month tally on China-time month edges, in a UTC process', () => {
  beforeEach(() => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(0);
    // 23:59 on 31 October (China) is 15:59 UTC — October; 00:00 on 1 November is 16:00 UTC on the 31st — November.
    insertEscort(db, {
      requestedAt: cst(2026, 10, 31, 23, 59),
      met: 3,
      arrived: 10,
      handedOver: 12,
      officers: [zhang],
    });
    insertEscort(db, {
      requestedAt: cst(2026, 11, 1, 0, 0),
      met: 5,
      arrived: 9,
      handedOver: 11,
      source: 'flagged',
      vehicle: 'private',
      officers: [zhang, liu],
    });
    insertEscort(db, {
      requestedAt: cst(2026, 11, 15, 8, 30),
      met: 2,
      arrived: 7,
      handedOver: 20,
      condition: 'stroke',
      destination: 'stroke',
      officers: [liu],
    });
    insertEscort(db, { requestedAt: cst(2026, 11, 20, 14, 5), met: 10, cancelled: 15, source: null, officers: [liu] });
    insertEscort(db, { requestedAt: cst(2026, 11, 30, 23, 59), officers: [zhang] }); // still open at the month's last minute
    insertEscort(db, { requestedAt: cst(2026, 12, 1, 0, 0), met: 1, handedOver: 6 });
  });

  it('puts 23:59 in its month and 00:00 in the next', () => {
    expect(escortTally(db, monthBounds(SH, 2026, 10), SH).total).toBe(1);
    expect(escortTally(db, monthBounds(SH, 2026, 12), SH).total).toBe(1);
    const nov = escortTally(db, monthBounds(SH, 2026, 11), SH);
    // 护送 leaves the cancelled one out, as the booth's counters do; 接报 counts it.
    expect(nov).toMatchObject({ requests: 4, total: 3, handedOver: 2, cancelled: 1, open: 1 });
  });

  it('counts by source, vehicle, condition and destination, blank as unset', () => {
    const nov = escortTally(db, monthBounds(SH, 2026, 11), SH);
    expect(nov.bySource).toMatchObject({ '120': 2, flagged: 1, unset: 1, '110': 0 });
    expect(nov.byVehicle).toMatchObject({ ambulance: 3, private: 1, taxi: 0 });
    expect(nov.byCondition).toMatchObject({ cardiac: 3, stroke: 1 });
    expect(nov.byDestination).toMatchObject({ emergency: 3, stroke: 1 });
  });

  it('computes the three intervals from the step times', () => {
    const { intervals } = escortTally(db, monthBounds(SH, 2026, 11), SH);
    // 接报→会合: 5, 2, 10 → median 5, p90 10, mean 5.7, max 10.
    expect(intervals.requestToMet).toEqual({ count: 3, median: 5, p90: 10, mean: 5.7, max: 10 });
    // 会合→到达: 9−5 = 4, 7−2 = 5 → median 4.5, p90 5, mean 4.5, max 5.
    expect(intervals.metToArrived).toEqual({ count: 2, median: 4.5, p90: 5, mean: 4.5, max: 5 });
    // 接报→交接: 11, 20.
    expect(intervals.requestToHandover).toEqual({ count: 2, median: 15.5, p90: 20, mean: 15.5, max: 20 });
  });

  it('buckets by China-time hour: 00:00 is hour 0 and 23:59 hour 23', () => {
    const { byHour } = escortTally(db, monthBounds(SH, 2026, 11), SH);
    expect(byHour).toHaveLength(24);
    expect(byHour[0]).toBe(1);
    expect(byHour[8]).toBe(1);
    expect(byHour[14]).toBe(1);
    expect(byHour[23]).toBe(1);
    expect(byHour.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('tallies per officer, an escort counting for each officer on it', () => {
    const { byOfficer } = escortTally(db, monthBounds(SH, 2026, 11), SH);
    // 张伟 is on two escorts and 刘洋 on two (plus one cancelled); ties go by badge.
    expect(byOfficer).toEqual([
      {
        officerId: zhang,
        badge: '910001',
        name: '张伟',
        escorts: 2,
        handedOver: 1,
        cancelled: 0,
        medianRequestToHandover: 11,
      },
      {
        officerId: liu,
        badge: '910002',
        name: '刘洋',
        escorts: 2,
        handedOver: 2,
        cancelled: 1,
        medianRequestToHandover: 15.5,
      },
    ]);
  });

  it('gives the same figures whatever zone the process runs in', () => {
    const inUtc = monthTally(db, 2026, 11, SH);
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(0);
      expect(monthTally(db, 2026, 11, SH)).toEqual(inUtc);
    } finally {
      process.env.TZ = 'UTC';
    }
  });

  it('cuts the year in China time and sums its months', () => {
    insertEscort(db, { requestedAt: cst(2025, 12, 31, 23, 59), handedOver: 9 });
    insertEscort(db, { requestedAt: cst(2026, 1, 1, 0, 0), handedOver: 7 });
    insertEscort(db, { requestedAt: cst(2027, 1, 1, 0, 0), handedOver: 7 });
    const y = yearTally(db, 2026, SH);
    expect(y.months.map((m) => m.escorts)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 1]);
    expect(y.months[10]).toMatchObject({ handedOver: 2, cancelled: 1, medianRequestToHandover: 15.5 });
    expect(y.totals).toMatchObject({ escorts: 6, handedOver: 5, cancelled: 1, helmetStops: 0, educationsCompleted: 0 });
    // Year 接报→交接: 7, 12, 11, 20, 5 → median 11.
    expect(y.totals.medianRequestToHandover).toBe(11);
    expect(yearTally(db, 2025, SH).totals.escorts).toBe(1);
  });

  it('reads the since-opening total from the counter and the first record time from the index', () => {
    insertAdvisory(db, 'parking', cst(2026, 9, 1, 8));
    // Six logged, one cancelled.
    expect(sinceOpening(db)).toEqual({
      since: cst(2026, 9, 1, 8),
      escorts: 5,
      advisories: 1,
      helmetStops: 0,
      educationsCompleted: 0,
    });
    // A retention purge removes rows, never the count of what happened.
    db.prepare('DELETE FROM escort_officers').run();
    db.prepare('DELETE FROM escorts').run();
    expect(sinceOpening(db).escorts).toBe(5);
  });

  it('puts the previous month and the same month last year beside the month', () => {
    insertEscort(db, { requestedAt: cst(2025, 11, 30, 23, 59), handedOver: 4 });
    const r = monthReport(db, 2026, 11, 0);
    expect([r.month.escorts.total, r.previousMonth.escorts.total, r.sameMonthLastYear.escorts.total]).toEqual([
      3, 1, 1,
    ]);
    expect([r.previousMonth.month, r.sameMonthLastYear.year]).toEqual([10, 2025]);
    expect(monthReport(db, 2027, 1, 0).previousMonth).toMatchObject({ year: 2026, month: 12 });
    expect(r).toMatchObject({ timeZone: SH, namesInExports: false });
  });
});

describe('a zone with daylight saving', () => {
  it('buckets hours by each instant’s own offset in the month the clocks change', () => {
    const NY = 'America/New_York';
    // 8 March 2026: 02:00 EST becomes 03:00 EDT.
    insertEscort(db, { requestedAt: localToUtc(NY, 2026, 3, 8, 1, 30) });
    insertEscort(db, { requestedAt: localToUtc(NY, 2026, 3, 8, 3, 30) });
    insertEscort(db, { requestedAt: localToUtc(NY, 2026, 3, 20, 23, 59) });
    const { byHour, total } = escortTally(db, monthBounds(NY, 2026, 3), NY);
    expect(total).toBe(3);
    expect([byHour[1], byHour[2], byHour[3], byHour[23]]).toEqual([1, 0, 1, 1]);
  });
});

describe('劝导 tally', () => {
  it('counts by kind on China-time edges, leaving undone taps out', () => {
    insertAdvisory(db, 'stopAndGo', cst(2026, 10, 31, 23, 59));
    insertAdvisory(db, 'stopAndGo', cst(2026, 11, 1, 0, 0));
    insertAdvisory(db, 'parking', cst(2026, 11, 12, 9));
    insertAdvisory(db, 'parking', cst(2026, 11, 12, 9, 1), 1, cst(2026, 11, 12, 9, 2));
    insertAdvisory(db, 'other', cst(2026, 11, 30, 23, 59));
    insertAdvisory(db, 'other', cst(2026, 12, 1, 0, 0));
    expect(advisoryTally(db, monthBounds(SH, 2026, 11))).toEqual({
      total: 3,
      byKind: { stopAndGo: 1, parking: 1, other: 1 },
    });
    expect(yearTally(db, 2026, SH).months.map((m) => m.advisories)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 1]);
  });
});

describe('helmet tally on China-time month edges, in a UTC process', () => {
  beforeEach(() => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(0);
    // October's last minute and December's first: neither is November's.
    insertHelmetStop(db, {
      stoppedAt: cst(2026, 10, 31, 23, 59),
      outcome: 'completed',
      session: { phase: 'done', chosen: true, watchedSeconds: 600, quiz: [true] },
    });
    insertHelmetStop(db, {
      stoppedAt: cst(2026, 12, 1, 0, 0),
      outcome: 'completed',
      session: { phase: 'done', chosen: true, watchedSeconds: 600, quiz: [true] },
    });
    // November, from its first minute to its last.
    insertHelmetStop(db, {
      stoppedAt: cst(2026, 11, 1, 0, 0),
      outcome: 'completed',
      session: { phase: 'done', chosen: true, watchedSeconds: 540, quiz: [false, true] },
    });
    insertHelmetStop(db, {
      stoppedAt: cst(2026, 11, 5, 9),
      outcome: 'completed',
      session: { phase: 'done', chosen: true, watchedSeconds: 600, quiz: [true] },
    });
    insertHelmetStop(db, {
      stoppedAt: cst(2026, 11, 8, 16),
      outcome: 'fined',
      session: { phase: 'failed', chosen: true, watchedSeconds: 300, quiz: [false, false] },
    });
    // Chose the fine on the kiosk: offered, not chosen.
    insertHelmetStop(db, {
      stoppedAt: cst(2026, 11, 10, 12),
      vehicle: 'motorcycle',
      outcome: 'fined',
      session: { phase: 'fine' },
    });
    // A repeat rider: not eligible, fined 50 without an offer.
    insertHelmetStop(db, { stoppedAt: cst(2026, 11, 15, 10), eligible: false, priorStops: 2, outcome: 'fined' });
    insertHelmetStop(db, {
      stoppedAt: cst(2026, 11, 20, 18),
      outcome: 'abandoned',
      session: { phase: 'abandoned', chosen: true, watchedSeconds: 120 },
    });
    // Saved by mistake after an abandoned session: counts nowhere.
    insertHelmetStop(db, {
      stoppedAt: cst(2026, 11, 25, 8),
      vehicle: 'motorcycle',
      outcome: 'cancelled',
      session: { phase: 'abandoned', chosen: true, watchedSeconds: 60, quiz: [true] },
    });
    // Still waiting on the kiosk at the month's last minute.
    insertHelmetStop(db, { stoppedAt: cst(2026, 11, 30, 23, 59), outcome: 'offered', session: { phase: 'choice' } });
  });

  it('counts the month by hand: stops, vehicles, eligibility, education, fines, repeats', () => {
    expect(helmetTally(db, monthBounds(SH, 2026, 11))).toEqual({
      stops: 7,
      byVehicle: { ebike: 6, motorcycle: 1 },
      eligible: 6,
      // Every eligible stop had a session; the fine chosen on the kiosk is offered, not chosen.
      offered: 6,
      chosen: 4,
      completed: 2,
      abandoned: 1,
      fines: 3,
      // 20 + 20 + 50: the completed stops' 20 applied to nobody.
      fineYuan: 90,
      repeatRiders: 1,
      // Sessions that played any video: (540 + 600 + 300 + 120) / 4 s = 390 s.
      meanMinutesWatched: 6.5,
      // First tries: failed, passed, failed.
      quizFirstTryPassPercent: 33.3,
    });
  });

  it('puts 23:59 in its month and 00:00 in the next', () => {
    expect(helmetTally(db, monthBounds(SH, 2026, 10))).toMatchObject({ stops: 1, completed: 1, offered: 1 });
    expect(helmetTally(db, monthBounds(SH, 2026, 12))).toMatchObject({ stops: 1, completed: 1, offered: 1 });
    const y = yearTally(db, 2026, SH);
    expect(y.months.slice(9).map((m) => [m.helmetStops, m.educationsCompleted, m.fines])).toEqual([
      [1, 1, 0],
      [7, 2, 3],
      [1, 1, 0],
    ]);
    expect(y.totals).toMatchObject({ helmetStops: 9, educationsCompleted: 4, fines: 3 });
  });

  it('leaves an empty month at zero, with no mean and no pass rate', () => {
    expect(helmetTally(db, monthBounds(SH, 2026, 9))).toEqual({
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
    });
  });

  it('gives the same figures whatever zone the process runs in, and counts since opening', () => {
    const inUtc = monthTally(db, 2026, 11, SH).helmet;
    process.env.TZ = 'Asia/Tokyo';
    try {
      expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(0);
      expect(monthTally(db, 2026, 11, SH).helmet).toEqual(inUtc);
    } finally {
      process.env.TZ = 'UTC';
    }
    expect(sinceOpening(db)).toMatchObject({
      since: cst(2026, 10, 31, 23, 59),
      helmetStops: 9,
      educationsCompleted: 4,
    });
  });
});
