import { localParts, localToUtc, type LocalParts } from '../../../shared/domain/time';

// Wall-clock helpers for the daily jobs and backup file names: they follow the post's time zone, not the PC's.

/** The instant a wall-clock time happens in `timeZone`. */
export const zonedEpoch = (p: LocalParts, timeZone: string): number =>
  localToUtc(timeZone, p.year, p.month, p.day, p.hour, p.minute) + p.second * 1000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-11-26`: which post day an instant falls on. */
export const dayKey = (at: number, timeZone: string): string => {
  const p = localParts(at, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
};

/** `20261126-030000`: sortable, readable in the post's time, safe in every file system. */
export const fileStamp = (at: number, timeZone: string): string => {
  const p = localParts(at, timeZone);
  return `${p.year}${pad(p.month)}${pad(p.day)}-${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
};

export function parseFileStamp(stamp: string, timeZone: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return zonedEpoch({ year, month, day, hour, minute, second }, timeZone);
}

/**
 * When the daily job should next run: today at `hhmm` unless it already ran today (then tomorrow).
 * A time already past today means "now": a booth PC switched off at 03:00 catches up when it starts.
 */
export function nextDailyAt(now: number, hhmm: string, timeZone: string, lastDay: string | undefined): number {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  const today = localParts(now, timeZone);
  if (lastDay !== dayKey(now, timeZone)) return zonedEpoch({ ...today, hour, minute, second: 0 }, timeZone);
  const t = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
  return zonedEpoch({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour, minute, second: 0 }, timeZone);
}
