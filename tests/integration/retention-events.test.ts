import { afterEach, describe, expect, it } from 'vitest';
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
  it('reports no table before the helmet feature exists, then wipes on demand with the set period; admins only', async () => {
    // No demo: its years of helmet stops (once that feature lands) would blur the counts below.
    core = await startTestCore({ clock: () => NOW });
    const setup = await connectClient(core.url);
    clients.push(setup);
    expectOk(await setup.send('setup:createAdmin', { badge: '100001', name: '赵管理', pin: 'admin-pin-1' }));
    const admin = await officerClient(core.url, '100001', 'admin-pin-1');
    clients.push(admin);
    expect(expectOk(await admin.send('retention:status', {}))).toMatchObject({ years: 3, pending: expect.toBeOneOf([null, 0]) });

    const db = core.core.db;
    // Where the helmet migration has not landed yet, a table shaped like it stands in.
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'helmet_stops'").get() === undefined)
      db.exec('CREATE TABLE helmet_stops (id INTEGER PRIMARY KEY, stopped_at INTEGER NOT NULL, name TEXT, id_hash TEXT, id_last4 TEXT, phone_hash TEXT, phone_masked TEXT) STRICT');
    const insert = db.prepare('INSERT INTO helmet_stops (stopped_at, name, id_hash, id_last4, phone_hash, phone_masked) VALUES (?, ?, ?, ?, ?, ?)');
    for (const age of [0.5, 1.5, 2.5, 3.5, 4.5, 5.5]) insert.run(NOW - age * YEAR, '骑手', 'h', '1234', 'p', '138****1234');

    expect(expectOk(await admin.send('retention:status', {})).pending).toBe(3);
    expectOk(await admin.send('settings:update', { helmetRetentionYears: 2 }));
    expect(expectOk(await admin.send('retention:status', {})).pending).toBe(4);
    const run = expectOk(await admin.send('retention:run', {}));
    expect(run).toMatchObject({ wiped: 4, years: 2, trigger: 'manual', at: NOW });
    expect(db.prepare('SELECT COUNT(*) FROM helmet_stops').pluck().get()).toBe(6);
    expect(db.prepare('SELECT COUNT(name) FROM helmet_stops').pluck().get()).toBe(2);
    expect(expectOk(await admin.send('retention:status', {}))).toMatchObject({ pending: 0, last: { wiped: 4 } });
    expect(db.prepare("SELECT actor FROM audit_log WHERE action = 'retention.wipe'").pluck().all()).toEqual(['officer:100001']);

    expectOk(await admin.send('officers:create', { badge: '100002', name: '钱领导', role: 'chief', pin: 'chief-pin-1' }));
    const chief = await officerClient(core.url, '100002', 'chief-pin-1');
    clients.push(chief);
    expect(await chief.send('retention:run', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
