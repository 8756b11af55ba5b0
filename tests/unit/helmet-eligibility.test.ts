import { describe, expect, it } from 'vitest';
import { decideEligibility, monthsBefore } from '../../shared/domain/eligibility';

const TZ = 'Asia/Shanghai';
/** An instant given as Beijing wall-clock time. */
const bj = (iso: string) => Date.parse(`${iso}+08:00`);

describe('the eligibility window', () => {
  it('keeps seconds and milliseconds, and works in other zones', () => {
    expect(monthsBefore(bj('2025-03-15T09:00:07.250'), 1, TZ)).toBe(bj('2025-02-15T09:00:07.250'));
    expect(monthsBefore(Date.parse('2025-07-01T12:00:00Z'), 6, 'UTC')).toBe(Date.parse('2025-01-01T12:00:00Z'));
    // Across New York's spring-forward: the same wall-clock time, one hour less in UTC offset.
    expect(monthsBefore(Date.parse('2025-04-10T09:00:00-04:00'), 2, 'America/New_York')).toBe(Date.parse('2025-02-10T09:00:00-05:00'));
  });

  it('goes back calendar months on the Beijing wall clock', () => {
    expect(monthsBefore(bj('2025-03-15T09:00:00'), 12, TZ)).toBe(bj('2024-03-15T09:00:00'));
    // Just after midnight in Beijing is still the previous day in UTC: the local date must be used.
    expect(monthsBefore(bj('2025-03-01T00:30:00'), 1, TZ)).toBe(bj('2025-02-01T00:30:00'));
    // A day the earlier month lacks falls to its end.
    expect(monthsBefore(bj('2025-03-31T10:00:00'), 1, TZ)).toBe(bj('2025-02-28T10:00:00'));
    expect(monthsBefore(bj('2025-02-28T10:00:00'), 12, TZ)).toBe(bj('2024-02-28T10:00:00'));
    expect(monthsBefore(bj('2024-02-29T10:00:00'), 12, TZ)).toBe(bj('2023-02-28T10:00:00'));
  });

  it('counts an earlier stop exactly at the window start, and not one a millisecond before', () => {
    const now = bj('2025-06-10T14:00:00');
    const start = bj('2024-06-10T14:00:00');
    expect(decideEligibility([start], now, 12, TZ)).toEqual({ priorStops: 1, eligible: false, windowStart: start });
    expect(decideEligibility([start - 1], now, 12, TZ)).toEqual({ priorStops: 0, eligible: true, windowStart: start });
  });

  it('counts only stops inside the window, and the window follows the setting', () => {
    const now = bj('2025-06-10T14:00:00');
    const times = [bj('2023-01-01T08:00:00'), bj('2024-12-01T08:00:00'), bj('2025-06-10T13:59:59')];
    expect(decideEligibility(times, now, 12, TZ).priorStops).toBe(2);
    expect(decideEligibility(times, now, 6, TZ).priorStops).toBe(1);
    expect(decideEligibility(times, now, 36, TZ).priorStops).toBe(3);
    expect(decideEligibility([], now, 12, TZ).eligible).toBe(true);
    // A stop stamped after "now" (clock skew) is not an earlier stop.
    expect(decideEligibility([now + 1000], now, 12, TZ).priorStops).toBe(0);
  });
});
