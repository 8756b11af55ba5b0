import { describe, expect, it } from 'vitest';
import { readHandoverContents } from '../../electron/core/handover/contents';
import { writeSettings } from '../../electron/core/settings-store';
import { localToUtc } from '../../shared/domain/time';
import { helmetRowsDatabase, insertAdvisory, insertEscort, insertHelmetStop } from '../helpers/report-fixtures';

const SH = 'Asia/Shanghai';
const at = (y: number, mo: number, d: number, h: number, mi = 0) => localToUtc(SH, y, mo, d, h, mi);

describe('what a handover contains', () => {
  it('at 00:30 on 1 January is the night shift of 31 December, 20:00 → 08:00 across the year', () => {
    const db = helmetRowsDatabase();
    const asOf = at(2027, 1, 1, 0, 30);
    // In the shift: logged at 21:00 on the 31st and closed; logged after midnight and still open.
    insertEscort(db, { requestedAt: at(2026, 12, 31, 21), handedOver: 15, plate: '鲁P00001' });
    insertEscort(db, { requestedAt: at(2027, 1, 1, 0, 5), met: 3, plate: '鲁P00002' });
    // Logged in the day shift before, closed in this one: the shift's, as it closed here.
    insertEscort(db, { requestedAt: at(2026, 12, 31, 19, 50), handedOver: 20, plate: '鲁P00003' });
    // The day shift's own, closed then: not this shift's.
    insertEscort(db, { requestedAt: at(2026, 12, 31, 10), handedOver: 12, plate: '鲁P00004' });
    // Open since the day before: not the shift's own, but still open, so it must be handed over.
    insertEscort(db, { requestedAt: at(2026, 12, 30, 9), met: 5, plate: '鲁P00005' });
    insertAdvisory(db, 'stopAndGo', at(2026, 12, 31, 23, 59));
    insertAdvisory(db, 'stopAndGo', at(2027, 1, 1, 0, 1));
    insertAdvisory(db, 'parking', at(2027, 1, 1, 0, 2), 1, at(2027, 1, 1, 0, 3));
    insertAdvisory(db, 'other', at(2026, 12, 31, 19, 59));
    insertHelmetStop(db, { stoppedAt: at(2026, 12, 31, 22), outcome: 'completed' });
    insertHelmetStop(db, { stoppedAt: at(2026, 12, 31, 19, 59), outcome: 'fined' });

    const c = readHandoverContents(db, [{ id: 1, name: '一号教育屏', pairedAt: 0, online: true }], asOf);
    expect(c).toMatchObject({
      shift: 'night',
      shiftDate: '2026-12-31',
      shiftStart: at(2026, 12, 31, 20),
      shiftEnd: at(2027, 1, 1, 8),
      asOf,
      escortOutcomes: { handedOver: 2, cancelled: 0, open: 2 },
      advisories: { total: 2, byKind: { stopAndGo: 2, parking: 0, other: 0 } },
      helmetStops: { total: 1, byOutcome: { completed: 1, fined: 0 } },
      kiosks: { paired: 1, online: 1, names: [{ name: '一号教育屏', online: true }] },
    });
    expect(c.shiftEscorts.map((e) => e.plate)).toEqual(['鲁P00003', '鲁P00001', '鲁P00002']);
    expect(c.openEscorts.map((e) => e.plate)).toEqual(['鲁P00005', '鲁P00002']);
  });

  it('follows the post’s shift hours and zone from settings', () => {
    const db = helmetRowsDatabase();
    writeSettings(db, { timeZone: 'Asia/Urumqi', dayShiftStartHour: 9, nightShiftStartHour: 21 });
    // 08:30 in Ürümqi (UTC+6) is still the night shift that began at 21:00 the day before.
    const c = readHandoverContents(db, [], localToUtc('Asia/Urumqi', 2026, 3, 1, 8, 30));
    expect(c).toMatchObject({
      shift: 'night',
      shiftDate: '2026-02-28',
      timeZone: 'Asia/Urumqi',
      shiftStart: localToUtc('Asia/Urumqi', 2026, 2, 28, 21),
      shiftEnd: localToUtc('Asia/Urumqi', 2026, 3, 1, 9),
    });
  });
});
