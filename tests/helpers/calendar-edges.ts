import { localToUtc } from '../../shared/domain/time';

export const SH = 'Asia/Shanghai';

/** The UTC instant of a wall-clock time in Shanghai. */
export const shanghai = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) =>
  localToUtc(SH, year, month, day, hour, minute) + second * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The instants where calendar code breaks: every month's last minute and the next month's first
 * (through 31 Dec 23:59 → 1 Jan 00:00), this December's own edges, and 29 Feb of a leap year.
 */
export const monthEdges: ReadonlyArray<{ label: string; at: number }> = [
  { label: '2026-11-30 23:59', at: shanghai(2026, 11, 30, 23, 59) },
  { label: '2026-12-01 00:00', at: shanghai(2026, 12, 1, 0, 0) },
  { label: '2026-12-31 23:59', at: shanghai(2026, 12, 31, 23, 59) },
  { label: '2027-01-01 00:00', at: shanghai(2027, 1, 1, 0, 0) },
  ...Array.from({ length: 12 }, (_, i) => i + 1).flatMap((m) => {
    const last = new Date(Date.UTC(2027, m, 0)).getUTCDate();
    const next = m === 12 ? { y: 2028, m: 1 } : { y: 2027, m: m + 1 };
    return [
      { label: `2027-${pad(m)}-${pad(last)} 23:59`, at: shanghai(2027, m, last, 23, 59) },
      { label: `${next.y}-${pad(next.m)}-01 00:00`, at: shanghai(next.y, next.m, 1, 0, 0) },
    ];
  }),
  { label: '2028-02-29 12:00', at: shanghai(2028, 2, 29, 12, 0) },
  { label: '2028-02-29 23:59', at: shanghai(2028, 2, 29, 23, 59) },
  { label: '2028-03-01 00:00', at: shanghai(2028, 3, 1, 0, 0) },
];
