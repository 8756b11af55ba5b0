import type { Dayjs } from 'dayjs';
import { dayBounds } from '../../../shared/domain/time';

/**
 * The audit query's `from`/`to` (inclusive, epoch ms) for the dates picked in the range picker, cut at
 * midnight in the post's zone: the picker's dates are calendar dates, and a browser in another zone
 * (a chief's laptop in UTC) must not shift them by its own offset.
 */
export function auditRange(first: Dayjs | null | undefined, last: Dayjs | null | undefined, timeZone: string) {
  const bounds = (d: Dayjs) => dayBounds(timeZone, d.year(), d.month() + 1, d.date());
  return {
    ...(first ? { from: bounds(first).start } : {}),
    ...(last ? { to: bounds(last).end - 1 } : {}),
  };
}
