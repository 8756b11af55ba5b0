import { afterEach, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../shared/domain/helmet';
import { connectClient, expectOk, officerClient, startTestCore, type TestClient, type TestCore } from '../helpers/test-core';

let core: TestCore | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await core?.dispose();
  core = undefined;
});

const NOW = Date.UTC(2026, 10, 26, 8, 0, 0);
const YEAR = 365 * 86_400_000;

describe('retention over the socket (管理 → 数据保留)', () => {
  it('wipes the personal fields of old helmet stops on demand with the set period, keeping every stop; admins only', async () => {
    // No demo: its years of helmet stops would blur the counts below.
    core = await startTestCore({ clock: () => NOW });
    const setup = await connectClient(core.url);
    clients.push(setup);
    expectOk(await setup.send('setup:createAdmin', { badge: '100001', name: '赵管理', pin: 'admin-pin-1' }));
    const admin = await officerClient(core.url, '100001', 'admin-pin-1');
    clients.push(admin);
    expect(expectOk(await admin.send('retention:status', {}))).toMatchObject({ years: 3, pending: 0 });

    // Six stops saved the way the booth saves them (half found by ID and phone only, no plate), then
    // dated back 0.5–5.5 years.
    const db = core.core.db;
    const ages = [0.5, 1.5, 2.5, 3.5, 4.5, 5.5];
    for (const [i, age] of ages.entries()) {
      const first17 = `37150219900101${String(100 + i)}`;
      const stop = expectOk(
        await admin.send('helmet:create', {
          vehicle: 'ebike',
          riderName: '骑手',
          idNumber: first17 + idCheckChar(first17),
          phone: `1380000${String(1000 + i)}`,
          ...(i % 2 ? { plate: `聊城00000${i}` } : {}),
        }),
      );
      db.prepare('UPDATE helmet_stops SET stopped_at = ? WHERE id = ?').run(NOW - age * YEAR, stop.id);
    }
    expect(expectOk(await admin.send('retention:status', {})).pending).toBe(3);
    expectOk(await admin.send('settings:update', { helmetRetentionYears: 2 }));
    expect(expectOk(await admin.send('retention:status', {})).pending).toBe(4);
    const run = expectOk(await admin.send('retention:run', {}));
    expect(run).toMatchObject({ wiped: 4, years: 2, trigger: 'manual', at: NOW });
    expect(db.prepare('SELECT COUNT(*) FROM helmet_stops').pluck().get()).toBe(6);
    expect(db.prepare('SELECT COUNT(rider_name) FROM helmet_stops').pluck().get()).toBe(2);
    expect(db.prepare('SELECT COUNT(*) FROM helmet_stops WHERE id_hash IS NULL AND phone_hash IS NULL AND personal_wiped_at = ?').pluck().get(NOW)).toBe(4);
    expect(expectOk(await admin.send('retention:status', {}))).toMatchObject({ pending: 0, last: { wiped: 4 } });
    expect(db.prepare("SELECT actor FROM audit_log WHERE action = 'retention.wipe'").pluck().all()).toEqual(['officer:100001']);

    expectOk(await admin.send('officers:create', { badge: '100002', name: '钱领导', role: 'chief', pin: 'chief-pin-1' }));
    const chief = await officerClient(core.url, '100002', 'chief-pin-1');
    clients.push(chief);
    expect(await chief.send('retention:run', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
