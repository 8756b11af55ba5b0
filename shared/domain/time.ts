/**
 * The post's calendar. Times are stored as UTC epoch ms; days, months and years are cut in the post's
 * time zone (setting `timeZone`, default Asia/Shanghai) whatever zone the machine runs in. Built on
 * Intl only, so the renderer, the core and the reports share it without a date library.
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

export interface Bounds {
  /** Inclusive, UTC epoch ms. */
  start: number;
  /** Exclusive, UTC epoch ms. */
  end: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
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
}

/** True when Intl knows the zone (settings are validated with this). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Reads the zone's offset from Intl (slow: tens of µs). */
function offsetFromIntl(epochMs: number, timeZone: string): number {
  const out: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(epochMs)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(out.year!, out.month! - 1, out.day!, out.hour! % 24, out.minute!, out.second!);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * Offsets are cached: a UTC day whose first and last minute share an offset (every day but the few
 * with a DST change) is one cache entry; other days fall back to quarter hours, since every real zone
 * changes its offset on a quarter-hour boundary. This keeps day and shift arithmetic in hot paths
 * (a 劝导 tap, years of demo history) to a map lookup instead of an Intl call.
 */
const DAY = 86_400_000;
const QUARTER_HOUR = 900_000;
const offsetCache = new Map<string, number | null>();
function cached(key: string, compute: () => number | null): number | null {
  let v = offsetCache.get(key);
  if (v === undefined) {
    if (offsetCache.size > 50_000) offsetCache.clear();
    v = compute();
    offsetCache.set(key, v);
  }
  return v;
}
function offsetAt(epochMs: number, timeZone: string): number {
  const day = Math.floor(epochMs / DAY);
  const uniform = cached(`${timeZone}|d${day}`, () => {
    const first = offsetFromIntl(day * DAY, timeZone);
    return first === offsetFromIntl(day * DAY + DAY - 60_000, timeZone) ? first : null;
  });
  if (uniform !== null) return uniform;
  return cached(`${timeZone}|q${Math.floor(epochMs / QUARTER_HOUR)}`, () => offsetFromIntl(epochMs, timeZone))!;
}

/** The wall-clock date and time at `epochMs` in `timeZone`. */
export function localParts(epochMs: number, timeZone: string): LocalParts {
  const d = new Date(epochMs + offsetAt(epochMs, timeZone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/**
 * The UTC instant of a local wall-clock time. Month and day may overflow (month 13 is January next
 * year), which is how the month and year bounds find their ends. Two passes settle DST transitions.
 */
export function localToUtc(timeZone: string, year: number, month: number, day = 1, hour = 0, minute = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return guess;
}

export interface YearMonth {
  year: number;
  /** 1–12 */
  month: number;
}

/** The calendar month `by` months after (or, negative, before) `year`-`month`: December + 1 is January. */
export function addMonths(year: number, month: number, by: number): YearMonth {
  const i = year * 12 + (month - 1) + by;
  return { year: Math.floor(i / 12), month: (i - Math.floor(i / 12) * 12) + 1 };
}

/**
 * Every calendar month from `first` to `last`, both included, oldest first. Counted by a month index,
 * so it ends whatever the months are (a `month <= last.month` test never ends after December).
 */
export function monthsFromTo(first: YearMonth, last: YearMonth): YearMonth[] {
  const count = last.year * 12 + last.month - (first.year * 12 + first.month) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, k) => addMonths(first.year, first.month, k));
}

/** Days in a calendar month (28–31; 29 in February of a leap year). */
export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const dayBounds = (timeZone: string, year: number, month: number, day: number): Bounds => ({
  start: localToUtc(timeZone, year, month, day),
  end: localToUtc(timeZone, year, month, day + 1),
});

export const monthBounds = (timeZone: string, year: number, month: number): Bounds => ({
  start: localToUtc(timeZone, year, month),
  end: localToUtc(timeZone, year, month + 1),
});

export const yearBounds = (timeZone: string, year: number): Bounds => ({
  start: localToUtc(timeZone, year, 1),
  end: localToUtc(timeZone, year + 1, 1),
});

/** Today, this month and this year around `epochMs`, in the post's zone. */
export function periodsAt(epochMs: number, timeZone: string): { day: Bounds; month: Bounds; year: Bounds } {
  const p = localParts(epochMs, timeZone);
  return {
    day: dayBounds(timeZone, p.year, p.month, p.day),
    month: monthBounds(timeZone, p.year, p.month),
    year: yearBounds(timeZone, p.year),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of `epochMs` in the post's zone. */
export function localDateKey(epochMs: number, timeZone: string): string {
  const p = localParts(epochMs, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** 'YYYY-MM-DD HH:mm' (or with seconds) of `epochMs` in the post's zone, for screens and exports. */
export function formatLocal(epochMs: number, timeZone: string, withSeconds = false): string {
  const p = localParts(epochMs, timeZone);
  const hm = `${pad(p.hour)}:${pad(p.minute)}${withSeconds ? `:${pad(p.second)}` : ''}`;
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${hm}`;
}

/** Parses 'YYYY-MM-DD' into its parts, or undefined when it is not a real calendar date. */
export function parseDateKey(key: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return undefined;
  return { year, month, day };
}
