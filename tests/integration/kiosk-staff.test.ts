import { afterEach, describe, expect, it } from 'vitest';
import { createOfficer } from '../../electron/core/identity/officers';
import { kioskLinks } from '../../electron/core/kiosk/staff-exit';
import { pairedKiosk, signedInOfficer } from '../helpers/helmet';
import { expectOk, startTestCore, type TestClient, type TestCore } from '../helpers/test-core';

let core: TestCore | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await core?.dispose();
  core = undefined;
});

describe('kiosk staff exit', () => {
  it('needs an admin badge and PIN, checked like a login, and tells the host which kiosk', async () => {
    const exits: number[] = [];
    core = await startTestCore({ onKioskExit: (id) => (exits.push(id), true) });
    await createOfficer(core.core.db, { badge: '800001', name: '管理员', role: 'admin', pin: 'admin-pin-1' }, 'test', core.core.clock());
    const officer = await signedInOfficer(core);
    const { kiosk, kioskId } = await pairedKiosk(core.url, officer);
    clients.push(officer, kiosk);
    expect(await kiosk.send('kiosk:staffExit', { badge: '800001', pin: 'wrong-pin' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('还可尝试 4 次') },
    });
    expect(await kiosk.send('kiosk:staffExit', { badge: '700001', pin: 'test-pin-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(exits).toEqual([]);
    expect(expectOk(await kiosk.send('kiosk:staffExit', { badge: '800001', pin: 'admin-pin-1' }))).toEqual({ exited: true });
    expect(exits).toEqual([kioskId]);
    // The check leaves no officer session behind on the kiosk.
    const sessions = core.core.db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE officer_id = (SELECT id FROM officers WHERE badge = ?)').get('800001');
    expect(sessions).toEqual({ n: 0 });
    expect(core.core.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'kiosk.staffExit'").get()).toEqual({ n: 1 });
    // Only a kiosk may ask.
    expect(await officer.send('kiosk:staffExit', { badge: '800001', pin: 'admin-pin-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('offers LAN tablets a kiosk link only when the core listens beyond loopback', async () => {
    expect(kioskLinks('127.0.0.1', 5170)).toEqual([]);
    expect(kioskLinks('::1', 5170)).toEqual([]);
    expect(kioskLinks('192.168.1.20', 5170)).toEqual(['http://192.168.1.20:5170/kiosk']);
    for (const url of kioskLinks('0.0.0.0', 5170)) expect(url).toMatch(/^http:\/\/\d+\.\d+\.\d+\.\d+:5170\/kiosk$/);
    core = await startTestCore();
    const officer = await signedInOfficer(core);
    clients.push(officer);
    expect(expectOk(await officer.send('kiosk:links', {}))).toEqual({ urls: [] });
  });
});
