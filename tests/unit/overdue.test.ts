import { describe, expect, it } from 'vitest';
import {
  alarmNumber,
  overdueLimitsOf,
  overdueSince,
  overdueStep,
  type OverdueLimits,
} from '../../shared/domain/overdue';
import { defaultSettings } from '../../shared/domain/settings';

const min = 60_000;
const t0 = Date.UTC(2026, 11, 31, 15, 55); // 31 Dec 23:55 in Asia/Shanghai: deadlines cross the year
const limits: OverdueLimits = { deadlines: { met: 10, departed: 15, arrived: 20, handedOver: 45 }, repeatMinutes: 5 };

describe('overdue per step', () => {
  it('reads the deadlines from the settings, 到达 from the older overdueEscortMinutes', () => {
    expect(overdueLimitsOf({ ...defaultSettings, overdueEscortMinutes: 25 })).toEqual({
      deadlines: { met: 10, departed: 15, arrived: 25, handedOver: 45 },
      repeatMinutes: 5,
    });
  });

  it('names the first step whose deadline after 接报 has passed, at the minute edge', () => {
    expect(overdueStep('requested', t0, t0 + 10 * min, limits)).toBeNull();
    expect(overdueStep('requested', t0, t0 + 10 * min + 1, limits)).toBe('met');
    expect(overdueStep('met', t0, t0 + 12 * min, limits)).toBeNull();
    expect(overdueStep('met', t0, t0 + 16 * min, limits)).toBe('departed');
    expect(overdueStep('departed', t0, t0 + 21 * min, limits)).toBe('arrived');
    expect(overdueStep('arrived', t0, t0 + 44 * min, limits)).toBeNull();
    expect(overdueStep('arrived', t0, t0 + 46 * min, limits)).toBe('handedOver');
  });

  it('never flags a closed escort', () => {
    expect(overdueStep('handedOver', t0, t0 + 600 * min, limits)).toBeNull();
    expect(overdueStep('cancelled', t0, t0 + 600 * min, limits)).toBeNull();
  });

  it('checks every step not yet done, so deadlines set out of order still alarm', () => {
    const odd: OverdueLimits = { deadlines: { met: 30, departed: 31, arrived: 20, handedOver: 45 }, repeatMinutes: 0 };
    expect(overdueStep('requested', t0, t0 + 21 * min, odd)).toBe('arrived');
  });

  it('beeps once on crossing, then every repeatMinutes; 0 means once', () => {
    const since = overdueSince(t0, 'met', limits);
    expect(since).toBe(t0 + 10 * min);
    expect(alarmNumber(since, since - 1, 5)).toBe(0);
    expect(alarmNumber(since, since, 5)).toBe(1);
    expect(alarmNumber(since, since + 5 * min - 1, 5)).toBe(1);
    expect(alarmNumber(since, since + 5 * min, 5)).toBe(2);
    expect(alarmNumber(since, since + 60 * min, 0)).toBe(1);
  });
});
