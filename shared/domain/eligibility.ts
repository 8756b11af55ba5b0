import { addMonths, daysInMonth, localParts, localToUtc } from './time';

/**
 * The first-offence rule: a rider with no earlier (not cancelled) stop within the window may choose
 * education instead of the fine; anyone else is a repeat and is fined the repeat amount.
 * Months are calendar months on the post's wall clock, so "12 months before 2025-03-15 09:00" is
 * 2024-03-15 09:00 local time, and a day that does not exist (29 Feb, 31 Apr) falls to the month's end.
 */

/** The instant `months` calendar months before `now`, on the wall clock of `timeZone`. */
export function monthsBefore(now: number, months: number, timeZone: string): number {
  const p = localParts(now, timeZone);
  const { year, month } = addMonths(p.year, p.month, -months);
  // Offsets are whole minutes: seconds and milliseconds carry over unchanged.
  return localToUtc(timeZone, year, month, Math.min(p.day, daysInMonth(year, month)), p.hour, p.minute) + (now % 60_000);
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
