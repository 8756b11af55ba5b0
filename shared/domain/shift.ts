import { localDateKey, localParts, localToUtc, type Bounds } from './time';

/**
 * Officers work a day shift (白班) and a night shift (夜班); a night shift belongs to the date it began,
 * so 03:00 on the 5th is the night shift of the 4th. 劝导 taps are counted per officer and shift.
 */
export type Shift = 'day' | 'night';
export const shiftLabels = { day: { zh: '白班', en: 'Day shift' }, night: { zh: '夜班', en: 'Night shift' } } as const;

export interface ShiftSpan {
  shift: Shift;
  /** 'YYYY-MM-DD' (post's zone) of the shift's start. */
  shiftDate: string;
  bounds: Bounds;
}

export function shiftAt(epochMs: number, timeZone: string, dayStartHour = 8, nightStartHour = 20): ShiftSpan {
  const p = localParts(epochMs, timeZone);
  const at = (dayOffset: number, hour: number) => localToUtc(timeZone, p.year, p.month, p.day + dayOffset, hour);
  if (p.hour >= dayStartHour && p.hour < nightStartHour)
    return {
      shift: 'day',
      shiftDate: localDateKey(epochMs, timeZone),
      bounds: { start: at(0, dayStartHour), end: at(0, nightStartHour) },
    };
  const startsToday = p.hour >= nightStartHour;
  const start = startsToday ? at(0, nightStartHour) : at(-1, nightStartHour);
  return {
    shift: 'night',
    shiftDate: localDateKey(start, timeZone),
    bounds: { start, end: startsToday ? at(1, dayStartHour) : at(0, dayStartHour) },
  };
}
