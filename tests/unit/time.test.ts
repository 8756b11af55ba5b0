import { describe, expect, it } from 'vitest';
import { dayRange, formatLocal, isValidTimeZone, localParts, monthOf, monthRange, yearRange, zonedTime } from '../../shared/domain/time';

const SH = 'Asia/Shanghai';

describe('post calendar (Asia/Shanghai, whatever the machine zone)', () => {
  it('cuts a month at 00:00 China time, i.e. 16:00 UTC the day before', () => {
    const m = monthRange(2026, 11, SH);
    expect(new Date(m.start).toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(new Date(m.end).toISOString()).toBe('2026-11-30T16:00:00.000Z');
    const dec = monthRange(2026, 12, SH);
    expect(new Date(dec.end).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('puts 23:59 on the 31st in that month and 00:00 on the 1st in the next', () => {
    const lastMinute = zonedTime(2026, 10, 31, 23, 59, SH);
    const midnight = zonedTime(2026, 11, 1, 0, 0, SH);
    expect(monthOf(lastMinute, SH)).toEqual({ year: 2026, month: 10 });
    expect(monthOf(midnight, SH)).toEqual({ year: 2026, month: 11 });
    expect(midnight - lastMinute).toBe(60_000);
    expect(formatLocal(midnight, SH)).toBe('2026-11-01 00:00');
  });

  it('gives day and year ranges', () => {
    const t = Date.UTC(2026, 10, 26, 17, 30); // 01:30 on the 27th in Shanghai
    expect(localParts(t, SH)).toMatchObject({ year: 2026, month: 11, day: 27, hour: 1, minute: 30 });
    const d = dayRange(t, SH);
    expect(new Date(d.start).toISOString()).toBe('2026-11-26T16:00:00.000Z');
    expect(d.end - d.start).toBe(86_400_000);
    const y = yearRange(2026, SH);
    expect(new Date(y.start).toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('handles a zone with daylight saving', () => {
    const day = dayRange(Date.UTC(2026, 2, 8, 12), 'America/New_York'); // DST starts that day
    expect(day.end - day.start).toBe(23 * 3_600_000);
  });

  it('validates zone names', () => {
    expect(isValidTimeZone(SH)).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
