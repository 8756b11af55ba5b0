/**
 * The first-offence rule: a rider with no earlier (not cancelled) stop within the window may choose
 * education instead of the fine; anyone else is a repeat and is fined the repeat amount.
 * Months are calendar months on the post's wall clock, so "12 months before 2025-03-15 09:00" is
 * 2024-03-15 09:00 local time, and a day that does not exist (29 Feb, 31 Apr) falls to the month's end.
 */

/** The zone's offset from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
const formats = new Map<string, Intl.DateTimeFormat>();

export function timeZoneOffsetMs(at: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - (at - (at % 1000));
}

/** The instant `months` calendar months before `now`, on the wall clock of `timeZone`. */
export function monthsBefore(now: number, months: number, timeZone: string): number {
  const offset = timeZoneOffsetMs(now, timeZone);
  const wall = new Date(now + offset);
  const y = wall.getUTCFullYear();
  const m = wall.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const shifted = Date.UTC(
    y,
    m,
    Math.min(wall.getUTCDate(), lastDay),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    wall.getUTCMilliseconds(),
  );
  return shifted - timeZoneOffsetMs(shifted, timeZone);
}

export interface Eligibility {
  /** Earlier stops of the same rider inside the window. */
  priorStops: number;
  /** First offence within the window: may choose education. */
  eligible: boolean;
  /** The window's first instant (inclusive). */
  windowStart: number;
}

/** Which earlier stops count: inside [windowStart, now]. Pure, so the window's edges are unit-tested. */
export function decideEligibility(earlierStopTimes: readonly number[], now: number, windowMonths: number, timeZone: string): Eligibility {
  const windowStart = monthsBefore(now, windowMonths, timeZone);
  const priorStops = earlierStopTimes.filter((t) => t >= windowStart && t <= now).length;
  return { priorStops, eligible: priorStops === 0, windowStart };
}
