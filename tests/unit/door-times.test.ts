import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import type { Db } from '../../electron/core/db/open';
import { DOOR_TIMES_SQL, doorTimes } from '../../electron/core/reports/door-times';
import { monthReport } from '../../electron/core/reports/month-report';
import { writeSettings } from '../../electron/core/settings-store';
import type { DestinationDoorTimes } from '../../shared/contract/reports';
import { localToUtc, monthBounds } from '../../shared/domain/time';
import { insertEscort, insertOfficers } from '../helpers/report-fixtures';

// The process runs in UTC (as CI does) while the post is in China: every cut below is China time.
process.env.TZ = 'UTC';
const SH = 'Asia/Shanghai';
const cst = (y: number, mo: number, d: number, h = 0, mi = 0) => localToUtc(SH, y, mo, d, h, mi);

let db: Db;
beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
  insertOfficers(db, ['张伟']);
});

const of = (y: number, m: number, tz = SH) => doorTimes(db, monthBounds(tz, y, m));
const row = (y: number, m: number, destination: string, tz = SH): DestinationDoorTimes =>
  destination === 'all' ? of(y, m, tz).total : of(y, m, tz).byDestination.find((r) => r.destination === destination)!;

describe('door times on month edges (cut by 接报 in the post zone, as the month tally is)', () => {
  it('31 Jan 23:59 China time (15:59Z) is January; 1 Feb 00:00 (16:00Z on the 31st) is February', () => {
    const lastMinute = cst(2027, 1, 31, 23, 59);
    expect(new Date(lastMinute).toISOString()).toBe('2027-01-31T15:59:00.000Z');
    // It reaches the door in February: the month is still the one it was requested in.
    insertEscort(db, { requestedAt: lastMinute, met: 3, arrived: 9, handedOver: 14, destination: 'chestPain' });
    insertEscort(db, {
      requestedAt: cst(2027, 2, 1, 0, 0),
      met: 2,
      arrived: 7,
      handedOver: 10,
      destination: 'chestPain',
    });
    expect(row(2027, 1, 'chestPain')).toMatchObject({
      handedOver: 1,
      requestToDoor: { count: 1, median: 9, p90: 9 },
      doorToHandover: { count: 1, median: 5, p90: 5 },
    });
    expect(row(2027, 2, 'chestPain')).toMatchObject({
      handedOver: 1,
      requestToDoor: { count: 1, median: 7, p90: 7 },
      doorToHandover: { count: 1, median: 3, p90: 3 },
    });
    // The zone is the post's, not the machine's: for a post in London both are January (15:59 and 16:00 on the 31st).
    expect(row(2027, 1, 'all', 'Europe/London').handedOver).toBe(2);
    expect(row(2027, 2, 'all', 'Europe/London').handedOver).toBe(0);
  });

  it('29 Feb 2028 23:59 is February of a leap year; 1 March 00:00 is March', () => {
    insertEscort(db, { requestedAt: cst(2028, 2, 29, 23, 59), arrived: 12, handedOver: 20, destination: 'stroke' });
    insertEscort(db, { requestedAt: cst(2028, 3, 1, 0, 0), arrived: 11, handedOver: 15, destination: 'stroke' });
    expect(row(2028, 2, 'stroke')).toMatchObject({ handedOver: 1, requestToDoor: { median: 12 } });
    expect(row(2028, 3, 'stroke')).toMatchObject({ handedOver: 1, requestToDoor: { median: 11 } });
    expect(monthBounds(SH, 2028, 3).start - monthBounds(SH, 2028, 2).start).toBe(29 * 86_400_000);
  });

  it('31 Dec 23:59 is December of the old year; 1 Jan 00:00 is January of the new one, in the report too', () => {
    insertEscort(db, { requestedAt: cst(2026, 12, 31, 23, 59), arrived: 8, handedOver: 10 });
    insertEscort(db, { requestedAt: cst(2027, 1, 1, 0, 0), arrived: 6, handedOver: 9 });
    const now = cst(2027, 1, 1, 0, 5);
    const december = monthReport(db, 2026, 12, now).doorTimes;
    const january = monthReport(db, 2027, 1, now).doorTimes;
    expect(december.total).toMatchObject({
      handedOver: 1,
      requestToDoor: { median: 8 },
      doorToHandover: { median: 2 },
    });
    expect(january.total).toMatchObject({ handedOver: 1, requestToDoor: { median: 6 }, doorToHandover: { median: 3 } });
    // The report reads the zone from the settings: a post set to UTC sees both in December (15:59Z and 16:00Z on the 31st).
    writeSettings(db, { timeZone: 'UTC' });
    expect(monthReport(db, 2026, 12, now).doorTimes.total.handedOver).toBe(2);
    expect(monthReport(db, 2027, 1, now).doorTimes.total.handedOver).toBe(0);
  });
});

describe('door-time figures', () => {
  beforeEach(() => {
    const d = (day: number, h = 10) => cst(2026, 11, day, h);
    // 急诊: 接报→到门 10 12 15 20 30, 到门→交接 2 3 4 5 16.
    insertEscort(db, { requestedAt: d(2), arrived: 10, handedOver: 12 });
    insertEscort(db, { requestedAt: d(3), arrived: 30, handedOver: 46 });
    insertEscort(db, { requestedAt: d(4), arrived: 15, handedOver: 19 });
    insertEscort(db, { requestedAt: d(5), arrived: 12, handedOver: 15 });
    insertEscort(db, { requestedAt: d(6), arrived: 20, handedOver: 25 });
    // Handed over with no 到达 recorded: counted as handed over, in neither interval.
    insertEscort(db, { requestedAt: d(7), handedOver: 18 });
    // Cancelled after reaching the door, and one still on the road: neither is a handed-over escort.
    insertEscort(db, { requestedAt: d(8), arrived: 5, cancelled: 6 });
    insertEscort(db, { requestedAt: d(9), arrived: 5 });
    // 胸痛中心 with seconds: 7.5 and 8.25 minutes to the door, 1.5 and 2 at it.
    insertEscort(db, { requestedAt: d(10), arrived: 7.5, handedOver: 9, destination: 'chestPain' });
    insertEscort(db, { requestedAt: d(11), arrived: 8.25, handedOver: 10.25, destination: 'chestPain' });
    // Destination left blank.
    insertEscort(db, { requestedAt: d(12), arrived: 9, handedOver: 11, destination: null });
  });

  it('gives count, median and nearest-rank p90 per destination, in minutes', () => {
    expect(row(2026, 11, 'emergency')).toEqual({
      destination: 'emergency',
      handedOver: 6,
      // Sorted 10 12 15 20 30: median 15, p90 the ⌈4.5⌉ = 5th = 30.
      requestToDoor: { count: 5, median: 15, p90: 30, mean: 17.4, max: 30 },
      // Sorted 2 3 4 5 16: median 4, p90 16.
      doorToHandover: { count: 5, median: 4, p90: 16, mean: 6, max: 16 },
    });
    expect(row(2026, 11, 'chestPain')).toMatchObject({
      handedOver: 2,
      // (7.5 + 8.25) / 2 = 7.875 → 7.9; p90 the 2nd = 8.25 → 8.3 (one decimal, as every report figure).
      requestToDoor: { count: 2, median: 7.9, p90: 8.3 },
      doorToHandover: { count: 2, median: 1.8, p90: 2 },
    });
  });

  it('lists every destination in vocabulary order, then 未填写, then the total over all of them', () => {
    const figures = of(2026, 11);
    expect(figures.byDestination.map((r) => r.destination)).toEqual([
      'emergency',
      'chestPain',
      'stroke',
      'obstetrics',
      'paediatrics',
      'other',
      'unset',
    ]);
    expect(row(2026, 11, 'stroke')).toMatchObject({
      handedOver: 0,
      requestToDoor: { count: 0, median: null, p90: null },
    });
    expect(row(2026, 11, 'unset')).toMatchObject({ handedOver: 1, requestToDoor: { count: 1, median: 9 } });
    expect(figures.total).toMatchObject({
      destination: 'all',
      handedOver: 9,
      // 10 12 15 20 30, 7.5 8.25, 9: sorted 7.5 8.25 9 10 12 15 20 30 → median 11, p90 the ⌈7.2⌉ = 8th = 30.
      requestToDoor: { count: 8, median: 11, p90: 30 },
      doorToHandover: { count: 8 },
    });
  });

  it('is in the month report the screen and the exports read', () => {
    expect(monthReport(db, 2026, 11, cst(2026, 12, 1)).doorTimes).toEqual(of(2026, 11));
    expect(of(2026, 10).total).toMatchObject({ handedOver: 0, requestToDoor: { count: 0, median: null } });
  });

  it('reads the month over the escorts_requested_at range', () => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${DOOR_TIMES_SQL}`).all(0, 1) as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toMatch(/SEARCH escorts USING INDEX escorts_requested_at \(requested_at>\? AND requested_at<\?\)/);
  });
});
