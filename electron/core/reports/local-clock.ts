import { localParts, type Bounds } from '../../../shared/domain/time';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const offsetAt = (ms: number, timeZone: string) => {
  const p = localParts(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
};

/**
 * Post-local wall-clock time for instants within `range`, as a UTC-based ms value (what spreadsheets
 * and hour buckets need). Intl is slow per call, so when the zone's offset is the same at both ends of
 * the range (always for Asia/Shanghai) plain arithmetic does; across a daylight-saving change each
 * instant is converted on its own.
 */
export function wallClockIn(range: Bounds, timeZone: string): (ms: number) => number {
  const offset = offsetAt(range.start, timeZone);
  if (offset !== offsetAt(Math.max(range.start, range.end - 1), timeZone)) return (ms) => ms + offsetAt(ms, timeZone);
  return (ms) => ms + offset;
}

/** The zone's offset when it is the same over the whole range (no daylight-saving change inside). */
export function constantOffsetIn(range: Bounds, timeZone: string): number | undefined {
  const offset = offsetAt(range.start, timeZone);
  return offset === offsetAt(Math.max(range.start, range.end - 1), timeZone) ? offset : undefined;
}

/** The post-local hour of day (0–23) for instants within `range`. */
export function localHourIn(range: Bounds, timeZone: string): (ms: number) => number {
  const wall = wallClockIn(range, timeZone);
  return (ms) => Math.floor((((wall(ms) % DAY) + DAY) % DAY) / HOUR);
}
