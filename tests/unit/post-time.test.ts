import { describe, expect, it } from 'vitest';
import { shiftAt } from '../../shared/domain/shift';
import {
  dayBounds,
  formatLocal,
  localDateKey,
  localParts,
  monthBounds,
  parseDateKey,
  periodsAt,
  yearBounds,
} from '../../shared/domain/time';

const SH = 'Asia/Shanghai';
const h = 3_600_000;

describe('post time zone', () => {
  it('reads local parts in the post zone whatever the process zone', () => {
    // 2026-01-31 16:30 UTC is 2026-02-01 00:30 in China.
    expect(localParts(Date.UTC(2026, 0, 31, 16, 30), SH)).toEqual({
      year: 2026,
      month: 2,
      day: 1,
      hour: 0,
      minute: 30,
      second: 0,
    });
    expect(localDateKey(Date.UTC(2026, 0, 31, 15, 59, 59), SH)).toBe('2026-01-31');
    expect(formatLocal(Date.UTC(2026, 0, 31, 16, 30, 5), SH, true)).toBe('2026-02-01 00:30:05');
  });

  it('cuts days, months and years at local midnight', () => {
    expect(dayBounds(SH, 2026, 2, 1)).toEqual({ start: Date.UTC(2026, 0, 31, 16), end: Date.UTC(2026, 1, 1, 16) });
    expect(monthBounds(SH, 2026, 12)).toEqual({ start: Date.UTC(2026, 10, 30, 16), end: Date.UTC(2026, 11, 31, 16) });
    expect(yearBounds(SH, 2026)).toEqual({ start: Date.UTC(2025, 11, 31, 16), end: Date.UTC(2026, 11, 31, 16) });
  });

  it('puts 23:59 and 00:00 China time on either side of a month edge', () => {
    const feb = monthBounds(SH, 2026, 2);
    const lastMinuteOfJan = Date.UTC(2026, 0, 31, 15, 59);
    const firstMinuteOfFeb = Date.UTC(2026, 0, 31, 16, 0);
    expect(lastMinuteOfJan < feb.start).toBe(true);
    expect(firstMinuteOfFeb >= feb.start && firstMinuteOfFeb < feb.end).toBe(true);
    expect(periodsAt(firstMinuteOfFeb, SH).month).toEqual(feb);
  });

  it('handles a zone with daylight saving (23- and 25-hour days)', () => {
    const ny = 'America/New_York';
    const spring = dayBounds(ny, 2026, 3, 8);
    expect(spring.end - spring.start).toBe(23 * h);
    const autumn = dayBounds(ny, 2026, 11, 1);
    expect(autumn.end - autumn.start).toBe(25 * h);
    expect(localParts(spring.start, ny)).toMatchObject({ day: 8, hour: 0, minute: 0 });
  });

  it('parses only real calendar dates', () => {
    expect(parseDateKey('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDateKey('2026-02-29')).toBeUndefined();
    expect(parseDateKey('2026-2-1')).toBeUndefined();
  });
});

describe('shifts', () => {
  it('files a tap under the day or night shift, a night belonging to the date it began', () => {
    const at = (d: number, hh: number) => Date.UTC(2026, 2, d, hh - 8); // China wall time
    expect(shiftAt(at(5, 9), SH)).toMatchObject({ shift: 'day', shiftDate: '2026-03-05' });
    expect(shiftAt(at(5, 21), SH)).toMatchObject({ shift: 'night', shiftDate: '2026-03-05' });
    const small = shiftAt(at(6, 3), SH);
    expect(small).toMatchObject({ shift: 'night', shiftDate: '2026-03-05' });
    expect(small.bounds).toEqual({ start: at(5, 20), end: at(6, 8) });
  });
});
