import { afterAll, beforeAll, expect, it } from 'vitest';
import { clientEvents, type Access } from '../../shared/contract/index';
import { connectClient, expectOk, officerClient, startTestCore, type TestCore } from '../helpers/test-core';
import { pairedScreen } from '../helpers/paired-screen';
import { fingerprint } from './db-fingerprint';
import { figure } from './scale';

let now = Date.UTC(2026, 10, 26, 8);
let core: TestCore;
beforeAll(async () => {
  core = await startTestCore({
    demo: true,
    clock: () => now,
    // Each event is sent once per outsider on a frozen clock: more than one connection's burst of 60.
    limits: { publicBurst: 1000, publicPerMinute: 1000, eventBurst: 1000 },
  });
});
afterAll(() => core.dispose());

/** Who may NOT send an event of each access level. */
const outsiders: Record<Access, Array<'anonymous' | 'kiosk' | 'er' | 'officer' | 'chief'>> = {
  public: [],
  kiosk: ['anonymous', 'er', 'officer', 'chief'],
  er: ['anonymous', 'kiosk', 'officer', 'chief'],
  post: ['anonymous', 'kiosk', 'er', 'officer', 'chief'],
  officer: ['anonymous', 'kiosk', 'er'],
  chief: ['anonymous', 'kiosk', 'er', 'officer'],
  admin: ['anonymous', 'kiosk', 'er', 'officer', 'chief'],
};

it('R3: no token, expired or replayed codes and tokens, kiosk tokens on officer events, lower roles on higher events: all refused, 0 handlers run', async () => {
  const officer = await officerClient(core.url, '900003', '123456');
  const chief = await officerClient(core.url, '900002', '123456');
  const kiosk = await pairedScreen(core.url, officer, 'kiosk');
  const er = await pairedScreen(core.url, officer, 'er');
  const anonymous = await connectClient(core.url);
  const clients = { anonymous, kiosk: kiosk.client, er: er.client, officer, chief };
  const before = fingerprint(core.core.db);
  const runs = core.core.metrics.handlerRuns;
  let attempts = 0;

  for (const [name, def] of Object.entries(clientEvents)) {
    for (const who of outsiders[def.access]) {
      const reply = await clients[who].raw(name, {});
      expect(reply, `${who} → ${name}`).toMatchObject({ ok: false });
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain((reply as { error: { code: string } }).error.code);
      attempts++;
    }
  }
  // A replayed pairing code (already redeemed above) and a forged or expired session token.
  const replay = await officer.send('kiosk:pair', { code: kiosk.code });
  expect(replay).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  // A kiosk's code does not pair an ER screen, nor the other way round: each kind has its own desk.
  const kioskScreen = await connectClient(core.url);
  const { code: kioskCode } = expectOk(await kioskScreen.send('kiosk:requestPairingCode', {}));
  expect(await officer.send('er:pair', { code: kioskCode })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await officer.send('er:pair', { code: er.code })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  kioskScreen.close();
  const forged = await connectClient(core.url, { token: 'A'.repeat(43) });
  expect(await forged.send('auth:me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  now += 13 * 3_600_000; // past the 12-hour session
  expect(await officer.send('auth:me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  const expired = await connectClient(core.url, { token: officer.token });
  expect(expired.hello.principal.kind).toBe('anonymous');
  attempts += 5;

  // Only the replayed kiosk:pair and the two wrong-kind er:pair reached their handlers, which refused them
  // (the kiosk's own code request is the one accepted run).
  expect(core.core.metrics.handlerRuns - runs).toBe(4);
  expect(fingerprint(core.core.db)).toBe(before);
  figure('R3', `${attempts} unauthorised attempts: 100% refused, 0 handlers run for access failures, DB unchanged`);
  for (const c of [officer, chief, kiosk.client, er.client, anonymous, forged, expired]) c.close();
});
