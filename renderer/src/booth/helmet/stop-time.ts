import { formatLocal } from '../../../../shared/domain/time';

/** HH:mm on the post's own day, M-D HH:mm this year, else YYYY-M-D: cut in the post's zone, not the browser's. */
export function when(at: number, now: number, timeZone: string) {
  const [date, time] = formatLocal(at, timeZone).split(' ') as [string, string];
  const today = formatLocal(now, timeZone).slice(0, 10);
  if (date === today) return time;
  const [year, month, day] = date.split('-').map(Number);
  return date.slice(0, 4) === today.slice(0, 4) ? `${month}-${day} ${time}` : `${year}-${month}-${day}`;
}
