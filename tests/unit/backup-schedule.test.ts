import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups, newBackupName, pruneBackups } from '../../electron/core/data-care/backup-files';
import { dayKey, fileStamp, nextDailyAt, parseFileStamp } from '../../electron/core/data-care/local-time';

const SH = 'Asia/Shanghai';
// 2026-11-26 10:00 in Shanghai = 02:00 UTC.
const morning = Date.UTC(2026, 10, 26, 2, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

describe('post-local time', () => {
  it('cuts days and stamps files in the post time zone, whatever the machine runs in', () => {
    expect(dayKey(Date.UTC(2026, 10, 26, 15, 59, 59), SH)).toBe('2026-11-26');
    expect(dayKey(Date.UTC(2026, 10, 26, 16, 0, 0), SH)).toBe('2026-11-27');
    expect(fileStamp(morning, SH)).toBe('20261126-100000');
    expect(parseFileStamp('20261126-100000', SH)).toBe(morning);
    expect(parseFileStamp('2026-11-26', SH)).toBeUndefined();
  });

  it('schedules the daily job today at the set time, catches up a missed one, and moves to tomorrow once done', () => {
    const at3 = Date.UTC(2026, 10, 25, 19, 0, 0); // 03:00 on the 26th in Shanghai
    expect(nextDailyAt(Date.UTC(2026, 10, 25, 18, 0, 0), '03:00', SH, '2026-11-25')).toBe(at3); // 02:00: later today
    expect(nextDailyAt(morning, '03:00', SH, '2026-11-25')).toBe(at3); // 10:00, not yet run today: due now
    expect(nextDailyAt(morning, '03:00', SH, undefined)).toBe(at3); // never run: due now
    expect(nextDailyAt(morning, '03:00', SH, '2026-11-26')).toBe(at3 + DAY); // done today
    expect(nextDailyAt(morning, '23:30', SH, '2026-11-25')).toBe(Date.UTC(2026, 10, 26, 15, 30, 0));
  });

  it('holds across a daylight-saving change', () => {
    // New York springs forward on 2026-03-08: 03:00 local is 07:00 UTC that day, 08:00 UTC the day before.
    expect(nextDailyAt(Date.UTC(2026, 2, 8, 12), '03:00', 'America/New_York', '2026-03-08')).toBe(Date.UTC(2026, 2, 9, 7));
    expect(nextDailyAt(Date.UTC(2026, 2, 7, 12), '03:00', 'America/New_York', '2026-03-06')).toBe(Date.UTC(2026, 2, 7, 8));
  });
});

describe('backup files', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'greenpost-backups-'));
  const touch = (dir: string, name: string) => writeFileSync(join(dir, name), 'x');

  it('names a backup after its post-local time and never reuses a name', () => {
    const dir = folder();
    expect(newBackupName(dir, morning, SH)).toBe('greenpost-20261126-100000.db');
    touch(dir, 'greenpost-20261126-100000.db');
    expect(newBackupName(dir, morning, SH)).toBe('greenpost-20261126-100000-2.db');
  });

  it('lists only GreenPost backups, newest first', () => {
    const dir = folder();
    for (const n of ['greenpost-20261120-030000.db', 'greenpost-20261126-030000.db', 'greenpost-20261126-030000-2.db', 'notes.txt', 'greenpost.db', 'greenpost-20261126-030000.db.partial'])
      touch(dir, n);
    expect(listBackups(dir, SH).map((f) => f.name)).toEqual([
      'greenpost-20261126-030000-2.db',
      'greenpost-20261126-030000.db',
      'greenpost-20261120-030000.db',
    ]);
    expect(listBackups(join(dir, 'missing'), SH)).toEqual([]);
  });

  it('prunes backups older than N days but always keeps the newest and anything not ours', () => {
    const dir = folder();
    for (const n of ['greenpost-20261001-030000.db', 'greenpost-20261110-030000.db', 'greenpost-20261125-030000.db', 'keep-me.db']) touch(dir, n);
    expect(pruneBackups(dir, SH, 7, morning).sort()).toEqual(['greenpost-20261001-030000.db', 'greenpost-20261110-030000.db']);
    expect(readdirSync(dir).sort()).toEqual(['greenpost-20261125-030000.db', 'keep-me.db']);
    // Even when every backup is too old, the newest one stays.
    expect(pruneBackups(dir, SH, 1, morning + 365 * DAY)).toEqual([]);
    expect(readdirSync(dir)).toContain('greenpost-20261125-030000.db');
  });
});
