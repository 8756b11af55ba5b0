import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, expectOk, officerClient, startTestCore, tempDataDir, type TestClient, type TestCore } from '../helpers/test-core';

let core: TestCore | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await core?.dispose();
  core = undefined;
});

const signIn = async (badge: string) => {
  const c = await officerClient(core!.url, badge, '123456');
  clients.push(c);
  return c;
};
const auditCount = () => core!.core.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;

async function pairedKiosk(officer: TestClient): Promise<TestClient> {
  const screen = await connectClient(core!.url);
  clients.push(screen);
  const { code } = expectOk(await screen.send('kiosk:requestPairingCode', {}));
  const paired = screen.next('kiosk:paired');
  expectOk(await officer.send('kiosk:pair', { code }));
  const kiosk = await connectClient(core!.url, { kioskToken: (await paired)[0].token });
  clients.push(kiosk);
  return kiosk;
}

describe('settings (管理 → 设置)', () => {
  it('an admin saves settings: audited with old → new, pushed to every officer and kiosk screen, kept across a restart', async () => {
    const dataDir = tempDataDir('settings');
    core = await startTestCore({ demo: true, dataDir });
    const admin = await signIn('900001');
    const officer = await signIn('900003');
    const kiosk = await pairedKiosk(officer);
    const pushes = [officer.next('settings:changed'), kiosk.next('settings:changed')];
    const saved = expectOk(await admin.send('settings:update', { postName: '东昌府 市医院岗', overdueEscortMinutes: 25, backupTime: '02:30' }));
    expect(saved).toMatchObject({ postName: '东昌府 市医院岗', overdueEscortMinutes: 25, backupTime: '02:30', timeZone: 'Asia/Shanghai' });
    for (const p of await Promise.all(pushes)) expect(p[0]).toEqual(saved);
    expect(expectOk(await officer.send('settings:get', {}))).toEqual(saved);
    const row = core.core.db.prepare("SELECT actor, details FROM audit_log WHERE action = 'settings.update'").get() as { actor: string; details: string };
    expect(row.actor).toBe('officer:900001');
    expect(JSON.parse(row.details)).toEqual({
      postName: { from: '聊城交警 市医院岗', to: '东昌府 市医院岗' },
      overdueEscortMinutes: { from: 20, to: 25 },
      backupTime: { from: '03:00', to: '02:30' },
    });
    // Saving the same values again writes nothing.
    const before = auditCount();
    expectOk(await admin.send('settings:update', { postName: '东昌府 市医院岗' }));
    expect(auditCount()).toBe(before);
    for (const c of clients.splice(0)) c.close();
    await core.close();
    core = await startTestCore({ dataDir });
    const fresh = await connectClient(core.url);
    clients.push(fresh);
    expect(fresh.hello.postName).toBe('东昌府 市医院岗');
  });

  it('refuses bad values with a specific Chinese message and changes nothing', async () => {
    core = await startTestCore({ demo: true });
    const admin = await signIn('900001');
    const before = auditCount();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ timeZone: 'Mars/Olympus' }, /时区/],
      [{ postName: '' }, /岗位名称：不能为空/],
      [{ backupTime: '3 点' }, /HH:mm/],
      [{ backupKeepDays: 0 }, /备份保留天数：至少保留 1 天/],
      [{ helmetRetentionYears: 99 }, /最多保留 30 年/],
      [{ bindAddress: 'everywhere' }, /IP 地址/],
      [{ stationServerUrl: 'station' }, /http:\/\//],
      [{ backupFolder: 'backups' }, /完整路径/],
      [{ favouriteColour: 'green' }, /未知设置项/],
      [{ postName: '新名字', timeZone: 'Nowhere' }, /时区/],
    ];
    for (const [patch, message] of cases) {
      const r = await admin.raw('settings:update', patch);
      expect(r, JSON.stringify(patch)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(message) } });
    }
    // A folder the core cannot create (under a regular file) is refused by the core, not the schema.
    const file = join(core.dataDir, 'plain-file');
    writeFileSync(file, 'x');
    expect(await admin.send('settings:update', { backupFolder: join(file, 'backups') })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('无法写入') },
    });
    expect(auditCount()).toBe(before);
    expect(expectOk(await admin.send('settings:get', {})).postName).toBe('聊城交警 市医院岗');
  });

  it('only admins may change settings; every officer may read them', async () => {
    core = await startTestCore({ demo: true });
    const chief = await signIn('900002');
    expect(await chief.send('settings:update', { postName: '越权' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(expectOk(await chief.send('settings:get', {})).postName).toBe('聊城交警 市医院岗');
    const anon = await connectClient(core.url);
    clients.push(anon);
    expect(await anon.send('settings:get', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('bind address (监听地址)', () => {
  const saveBindAddress = (dataDir: string, bindAddress: string) => {
    const db = new Database(join(dataDir, 'greenpost.db'));
    db.prepare("INSERT INTO settings (key, value) VALUES ('post_settings', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
      JSON.stringify({ bindAddress }),
    );
    db.close();
  };

  it('without --host the core listens on the saved address, read at start', async () => {
    const dataDir = tempDataDir('bind');
    core = await startTestCore({ dataDir });
    await core.close();
    saveBindAddress(dataDir, '0.0.0.0');
    core = await startTestCore({ dataDir, host: undefined });
    expect(core.host).toBe('0.0.0.0');
    expect((await fetch(core.url)).status).toBe(200);
  });

  it('falls back to 127.0.0.1 when the saved address no longer exists on this PC', async () => {
    const dataDir = tempDataDir('bind-gone');
    core = await startTestCore({ dataDir });
    await core.close();
    saveBindAddress(dataDir, '192.0.2.123'); // TEST-NET-1: never assigned to a real interface
    core = await startTestCore({ dataDir, host: undefined });
    expect(core.host).toBe('127.0.0.1');
    expect(core.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});
