import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { pruneBackups } from '../../electron/core/data-care/backup-files';
import { nextDailyAt } from '../../electron/core/data-care/local-time';
import { retentionCutoff } from '../../electron/core/data-care/retention';
import { demoMonths } from '../../electron/core/demo/demo-calendar';
import { monthReport } from '../../electron/core/reports/month-report';
import { yearTally } from '../../electron/core/reports/year-tally';
import { auditRange } from '../../renderer/src/admin/audit-range';
import { decideEligibility, monthsBefore } from '../../shared/domain/eligibility';
import { shiftAt } from '../../shared/domain/shift';
import { addMonths, daysInMonth, localParts, monthBounds, monthsFromTo, periodsAt } from '../../shared/domain/time';
import { helmetRowsDatabase, insertEscort } from '../helpers/report-fixtures';
import { monthEdges, SH, shanghai } from '../helpers/calendar-edges';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every function that cuts time into days, shifts, months or years, at the edges where such code
// breaks: each month's last and first minute, 31 Dec 23:59 → 1 Jan 00:00, and 29 Feb. The clock is
// always an argument here; nothing reads the machine's date.

describe('calendar month arithmetic', () => {
  it('steps across the year in both directions', () => {
    expect(addMonths(2026, 12, 1)).toEqual({ year: 2027, month: 1 });
    expect(addMonths(2027, 1, -1)).toEqual({ year: 2026, month: 12 });
    expect(addMonths(2026, 12, -12)).toEqual({ year: 2025, month: 12 });
    expect(addMonths(2026, 12, -60)).toEqual({ year: 2021, month: 12 });
    expect(addMonths(2028, 2, 25)).toEqual({ year: 2030, month: 3 });
    expect(addMonths(1, 1, -13)).toEqual({ year: -1, month: 12 });
  });

  it('lists every month between two, through December, and nothing when the end is first', () => {
    const list = monthsFromTo({ year: 2025, month: 11 }, { year: 2026, month: 2 });
    expect(list).toEqual([
      { year: 2025, month: 11 },
      { year: 2025, month: 12 },
      { year: 2026, month: 1 },
      { year: 2026, month: 2 },
    ]);
    expect(monthsFromTo({ year: 2026, month: 12 }, { year: 2026, month: 12 })).toHaveLength(1);
    expect(monthsFromTo({ year: 2027, month: 1 }, { year: 2026, month: 12 })).toEqual([]);
  });

  it('knows 29 February in leap years only', () => {
    expect([daysInMonth(2028, 2), daysInMonth(2027, 2), daysInMonth(2100, 2), daysInMonth(2000, 2)]).toEqual([
      29, 28, 28, 29,
    ]);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});

describe('the demo history calendar at every month edge', () => {
  for (const { label, at } of monthEdges) {
    it(`${label}: 1 and 5 years end at the current month, one entry per month`, () => {
      const today = localParts(at, SH);
      for (const years of [1, 5]) {
        const months = demoMonths(at, years, SH);
        expect(months).toHaveLength(years * 12 + 1);
        expect(months[0]).toEqual({ year: today.year - years, month: today.month });
        expect(months.at(-1)).toEqual({ year: today.year, month: today.month });
        for (let i = 1; i < months.length; i++)
          expect(months[i]).toEqual(addMonths(months[i - 1]!.year, months[i - 1]!.month, 1));
      }
    });
  }
  it('is empty for no years', () => expect(demoMonths(shanghai(2026, 12, 31, 23, 59), 0, SH)).toEqual([]));
});

describe('periods around an instant', () => {
  it('puts 31 Dec 23:59 in the old year and 1 Jan 00:00 in the new, in the post zone', () => {
    const last = periodsAt(shanghai(2026, 12, 31, 23, 59), SH);
    const first = periodsAt(shanghai(2027, 1, 1, 0, 0), SH);
    expect(last.year.end).toBe(first.year.start);
    expect(last.month.end).toBe(first.month.start);
    expect(last.day.end).toBe(first.day.start);
    expect(first.year.start).toBe(Date.UTC(2026, 11, 31, 16));
    expect(monthBounds(SH, 2028, 2).end - monthBounds(SH, 2028, 2).start).toBe(29 * 86_400_000);
  });
});

describe('shifts 白班/夜班 across month and year ends', () => {
  it('keeps a night shift that crosses midnight on the date it began', () => {
    const newYearNight = shiftAt(shanghai(2027, 1, 1, 3, 0), SH);
    expect(newYearNight).toMatchObject({ shift: 'night', shiftDate: '2026-12-31' });
    expect(newYearNight.bounds).toEqual({ start: shanghai(2026, 12, 31, 20, 0), end: shanghai(2027, 1, 1, 8, 0) });
    expect(shiftAt(shanghai(2026, 12, 31, 23, 59), SH)).toMatchObject({ shift: 'night', shiftDate: '2026-12-31' });
    expect(shiftAt(shanghai(2027, 1, 1, 8, 0), SH)).toMatchObject({ shift: 'day', shiftDate: '2027-01-01' });
  });

  it('ends the night of 28 Feb on 1 March in a common year and on 29 Feb in a leap year', () => {
    expect(shiftAt(shanghai(2027, 2, 28, 21, 0), SH).bounds.end).toBe(shanghai(2027, 3, 1, 8, 0));
    expect(shiftAt(shanghai(2028, 2, 28, 21, 0), SH).bounds.end).toBe(shanghai(2028, 2, 29, 8, 0));
    expect(shiftAt(shanghai(2028, 3, 1, 2, 0), SH)).toMatchObject({ shift: 'night', shiftDate: '2028-02-29' });
  });
});

describe('the eligibility window of N calendar months', () => {
  it('reaches back across the year end', () => {
    expect(monthsBefore(shanghai(2027, 1, 1, 0, 0), 12, SH)).toBe(shanghai(2026, 1, 1, 0, 0));
    expect(monthsBefore(shanghai(2027, 1, 15, 9, 30), 1, SH)).toBe(shanghai(2026, 12, 15, 9, 30));
    expect(monthsBefore(shanghai(2026, 12, 31, 23, 59), 12, SH)).toBe(shanghai(2025, 12, 31, 23, 59));
  });

  it('falls to the month’s last day when the day does not exist (29 Feb, 31 Mar → Feb)', () => {
    expect(monthsBefore(shanghai(2028, 2, 29, 10, 0), 12, SH)).toBe(shanghai(2027, 2, 28, 10, 0));
    expect(monthsBefore(shanghai(2028, 3, 31, 10, 0), 1, SH)).toBe(shanghai(2028, 2, 29, 10, 0));
    expect(monthsBefore(shanghai(2029, 2, 28, 10, 0), 12, SH)).toBe(shanghai(2028, 2, 28, 10, 0));
  });

  it('counts a stop on 31 Dec 23:59 as inside a window that starts on 1 Jan of the year before', () => {
    const now = shanghai(2027, 12, 31, 23, 59);
    const v = decideEligibility([shanghai(2026, 12, 31, 23, 59), shanghai(2026, 12, 31, 23, 58)], now, 12, SH);
    expect(v).toMatchObject({ priorStops: 1, eligible: false, windowStart: shanghai(2026, 12, 31, 23, 59) });
  });
});

describe('retention of N years', () => {
  it('cuts on the post’s wall clock, 29 Feb falling to 28 Feb', () => {
    expect(retentionCutoff(shanghai(2028, 2, 29, 3, 0), 3, SH)).toBe(shanghai(2025, 2, 28, 3, 0));
    expect(retentionCutoff(shanghai(2027, 1, 1, 0, 0), 3, SH)).toBe(shanghai(2024, 1, 1, 0, 0));
    // 1 Jan 00:00 in Shanghai is still 31 Dec in UTC: a UTC-calendar cut would be eight hours off here.
    expect(retentionCutoff(shanghai(2027, 1, 1, 3, 0), 1, SH)).toBe(shanghai(2026, 1, 1, 3, 0));
  });
});

describe('the daily job (backup, pruning, retention)', () => {
  it('moves to the next day across month and year ends and onto 29 Feb', () => {
    expect(nextDailyAt(shanghai(2026, 12, 31, 10, 0), '03:00', SH, '2026-12-31')).toBe(shanghai(2027, 1, 1, 3, 0));
    expect(nextDailyAt(shanghai(2027, 2, 28, 10, 0), '03:00', SH, '2027-02-28')).toBe(shanghai(2027, 3, 1, 3, 0));
    expect(nextDailyAt(shanghai(2028, 2, 28, 10, 0), '03:00', SH, '2028-02-28')).toBe(shanghai(2028, 2, 29, 3, 0));
    // 00:30 on 1 Jan, not yet run on the new day: due at once (the catch-up), whatever ran on 31 Dec.
    expect(nextDailyAt(shanghai(2027, 1, 1, 0, 30), '00:10', SH, '2026-12-31')).toBe(shanghai(2027, 1, 1, 0, 10));
  });

  it('keeps N days of backups across the year end', () => {
    const folder = mkdtempSync(join(tmpdir(), 'greenpost-prune-'));
    // A backup each day at 03:00 from 25 Dec to 3 Jan.
    for (let d = 0; d < 10; d++) {
      const at = shanghai(2026, 12, 25 + d, 3, 0);
      const p = localParts(at, SH);
      const stamp = `${p.year}${String(p.month).padStart(2, '0')}${String(p.day).padStart(2, '0')}-030000`;
      writeFileSync(join(folder, `greenpost-${stamp}.db`), 'x');
    }
    const removed = pruneBackups(folder, SH, 7, shanghai(2027, 1, 3, 3, 0, 5));
    expect(removed.sort()).toEqual([
      'greenpost-20261225-030000.db',
      'greenpost-20261226-030000.db',
      'greenpost-20261227-030000.db',
    ]);
    expect(readdirSync(folder).sort()[0]).toBe('greenpost-20261228-030000.db');
  });
});

describe('reports across the year end', () => {
  it('compares January with the December before it and last January, each record in its own month', () => {
    const db = helmetRowsDatabase();
    insertEscort(db, { requestedAt: shanghai(2026, 12, 31, 23, 59), handedOver: 20 });
    insertEscort(db, { requestedAt: shanghai(2027, 1, 1, 0, 0), handedOver: 20 });
    insertEscort(db, { requestedAt: shanghai(2026, 1, 1, 0, 0), handedOver: 20 });
    insertEscort(db, { requestedAt: shanghai(2025, 12, 31, 23, 59), handedOver: 20 });
    const jan = monthReport(db, 2027, 1, shanghai(2027, 1, 1, 0, 5));
    expect(jan.previousMonth).toMatchObject({ year: 2026, month: 12 });
    expect(jan.sameMonthLastYear).toMatchObject({ year: 2026, month: 1 });
    expect([jan.month.escorts.total, jan.previousMonth.escorts.total, jan.sameMonthLastYear.escorts.total]).toEqual([
      1, 1, 1,
    ]);
    const y2026 = yearTally(db, 2026, SH);
    expect(y2026.months.map((m) => m.escorts).filter((n) => n > 0)).toEqual([1, 1]);
    expect(yearTally(db, 2025, SH).months[11]!.escorts).toBe(1);
    expect(yearTally(db, 2027, SH).months[0]!.escorts).toBe(1);
  });

  it('compares 29 Feb 2028 with February 2027 (28 days)', () => {
    const db = helmetRowsDatabase();
    insertEscort(db, { requestedAt: shanghai(2028, 2, 29, 23, 59), handedOver: 5 });
    insertEscort(db, { requestedAt: shanghai(2027, 2, 28, 23, 59), handedOver: 5 });
    insertEscort(db, { requestedAt: shanghai(2027, 3, 1, 0, 0), handedOver: 5 });
    const feb = monthReport(db, 2028, 2, shanghai(2028, 3, 1, 0, 0));
    expect([feb.month.escorts.total, feb.sameMonthLastYear.escorts.total]).toEqual([1, 1]);
  });
});

describe('the audit viewer’s date filter', () => {
  it('cuts the picked dates at midnight in the post zone, whatever zone the browser is in', () => {
    const range = auditRange(dayjs('2026-12-31'), dayjs('2027-01-01'), SH);
    expect(range).toEqual({ from: shanghai(2026, 12, 31, 0, 0), to: shanghai(2027, 1, 2, 0, 0) - 1 });
    expect(auditRange(dayjs('2028-02-29'), null, SH)).toEqual({ from: shanghai(2028, 2, 29, 0, 0) });
    expect(auditRange(undefined, dayjs('2028-02-29'), SH)).toEqual({ to: shanghai(2028, 3, 1, 0, 0) - 1 });
  });
});
