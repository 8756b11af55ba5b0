import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCareRecord } from '../../electron/core/data-care/care-record';
import { startMaintenance } from '../../electron/core/data-care/maintenance';
import { writeSettings } from '../../electron/core/settings-store';
import { startTestCore, type TestCore } from '../helpers/test-core';

let core: TestCore | undefined;
afterEach(async () => {
  await core?.dispose();
  core = undefined;
});

describe('daily backup and retention', () => {
  it('runs once a day at the set post-local time, keeping N days of backups', async () => {
    // 2026-11-26 02:00 in Shanghai.
    let now = Date.UTC(2026, 10, 25, 18, 0, 0);
    core = await startTestCore({ clock: () => now });
    writeSettings(core.core.db, { backupTime: '03:00', backupKeepDays: 2 });
    const daily = startMaintenance(core.core, 3_600_000);
    const backups = () => readdirSync(join(core!.dataDir, 'backups')).sort();
    const dailyAudits = () =>
      core!.core.db.prepare("SELECT action FROM audit_log WHERE actor = 'system:daily' ORDER BY seq").pluck().all() as string[];

    await daily.tick();
    expect(dailyAudits()).toEqual([]);
    now += 61 * 60 * 1000; // 03:01
    await daily.tick();
    expect(backups()).toEqual(['greenpost-20261126-030100.db']);
    expect(readCareRecord(core.core.db)).toMatchObject({ lastDailyDay: '2026-11-26', lastBackup: { ok: true, trigger: 'daily' } });
    await daily.tick(); // same day: nothing more
    expect(backups()).toHaveLength(1);
    for (let day = 1; day <= 3; day++) {
      now += 24 * 60 * 60 * 1000;
      await daily.tick();
    }
    // Keep 2 days: the backups of the 26th and 27th are pruned on the 29th.
    expect(backups()).toEqual(['greenpost-20261128-030100.db', 'greenpost-20261129-030100.db']);
    // Retention ran each day too, but with no helmet stops to wipe a daily run audits nothing.
    expect(dailyAudits()).toEqual(['backup.create', 'backup.create', 'backup.create', 'backup.create']);
    daily.stop();
  });

  it('a booth switched off at the set time catches up when it runs again', async () => {
    let now = Date.UTC(2026, 10, 26, 4, 0, 0); // 12:00 in Shanghai, backup time 03:00 long past
    core = await startTestCore({ clock: () => now });
    const daily = startMaintenance(core.core, 3_600_000);
    await daily.tick();
    expect(readdirSync(join(core.dataDir, 'backups'))).toEqual(['greenpost-20261126-120000.db']);
    now += 60_000;
    await daily.tick();
    expect(readdirSync(join(core.dataDir, 'backups'))).toHaveLength(1);
    daily.stop();
  });
});
