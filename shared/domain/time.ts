/**
 * The post's calendar. Times are stored as UTC epoch ms; days, months and years are cut in the post's
 * time zone (setting `timeZone`, default Asia/Shanghai), whatever zone the machine runs in.
 */
export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type Range = { start: number; end: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (timeZone: string) => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
};

export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
};

export function localParts(ms: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Offset of the zone from UTC at instant `ms`, in ms (Asia/Shanghai: +8 h). */
function offsetAt(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/** The UTC instant of a wall-clock time in the zone (month 1–12; overflowing days/months roll over). */
export function zonedTime(year: number, month: number, day = 1, hour = 0, minute = 0, timeZone: string): number {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const first = naive - offsetAt(naive, timeZone);
  // A second pass settles instants near a DST change.
  return naive - offsetAt(first, timeZone);
}

export const dayRange = (ms: number, timeZone: string): Range => {
  const p = localParts(ms, timeZone);
  return { start: zonedTime(p.year, p.month, p.day, 0, 0, timeZone), end: zonedTime(p.year, p.month, p.day + 1, 0, 0, timeZone) };
};

export const monthRange = (year: number, month: number, timeZone: string): Range => ({
  start: zonedTime(year, month, 1, 0, 0, timeZone),
  end: zonedTime(year, month + 1, 1, 0, 0, timeZone),
});

export const yearRange = (year: number, timeZone: string): Range => ({
  start: zonedTime(year, 1, 1, 0, 0, timeZone),
  end: zonedTime(year + 1, 1, 1, 0, 0, timeZone),
});

export const monthOf = (ms: number, timeZone: string) => {
  const p = localParts(ms, timeZone);
  return { year: p.year, month: p.month };
};

/** `YYYY-MM-DD HH:mm` in the post's zone, for tables and exports. */
export function formatLocal(ms: number, timeZone: string, withSeconds = false): string {
  const p = localParts(ms, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}${withSeconds ? `:${two(p.second)}` : ''}`;
}
