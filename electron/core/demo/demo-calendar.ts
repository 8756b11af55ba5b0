import { localParts, monthsFromTo, type YearMonth } from '../../../shared/domain/time';

/**
 * The calendar months the demo history covers: `years` years back from the month holding `now`, up to
 * and including that month, in the post's zone. Every demo seeder walks this list, so none carries a
 * month loop of its own (a hand-written one never ended in December).
 */
export function demoMonths(now: number, years: number, timeZone: string): YearMonth[] {
  if (years <= 0) return [];
  const today = localParts(now, timeZone);
  return monthsFromTo({ year: today.year - years, month: today.month }, today);
}
