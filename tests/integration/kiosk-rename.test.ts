import { afterAll, expect, it } from 'vitest';
import { pairedKiosk, signedInOfficer } from '../helpers/helmet';
import { expectOk, startTestCore, type TestClient, type TestCore } from '../helpers/test-core';

const clients: TestClient[] = [];
let core: TestCore;
afterAll(async () => {
  for (const c of clients) c.close();
  await core.dispose();
});

it('an officer renames a paired kiosk: every booth list, the kiosk itself and the audit log have the new name; bad names change nothing', async () => {
  core = await startTestCore();
  const officer = await signedInOfficer(core);
  const { kiosk, kioskId } = await pairedKiosk(core.url, officer);
  clients.push(officer, kiosk);

  for (const [name, message] of [
    ['   ', '请填写教育屏名称'],
    ['很长'.repeat(17), '名称最多 32 个字'],
  ] as const) {
    expect(await officer.send('kiosk:rename', { kioskId, name })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: `name: ${message}` },
    });
  }
  expect(await officer.send('kiosk:rename', { kioskId: 999, name: '西门平板' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  const before = expectOk(await officer.send('kiosk:list', {})).find((k) => k.id === kioskId)!.name;

  const status = officer.next('kiosk:status');
  expect(expectOk(await officer.send('kiosk:rename', { kioskId, name: ' 西门平板 ' }))).toMatchObject({ id: kioskId, name: '西门平板' });
  expect((await status)[0].find((k) => k.id === kioskId)?.name).toBe('西门平板');
  expect(expectOk(await kiosk.send('kiosk:hello', {})).kiosk.name).toBe('西门平板');
  const audit = core.core.db.prepare("SELECT actor, details FROM audit_log WHERE action = 'kiosk.rename'").all() as { actor: string; details: string }[];
  expect(audit.map((a) => [a.actor, JSON.parse(a.details)])).toEqual([['officer:700001', { from: before, to: '西门平板' }]]);
});
