import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { clientEvents, errorCodes } from '../../shared/contract/index';
import { officerClient, startTestCore, type TestClient, type TestCore } from '../helpers/test-core';
import { fingerprint } from './db-fingerprint';
import { figure, rng, scale } from './scale';

let core: TestCore;
let officer: TestClient;
beforeAll(async () => {
  // Limits raised: this test is about validation, R11 is about rate limiting.
  core = await startTestCore({ demo: true, limits: { eventsPerSecond: 1e6, eventBurst: 1e6 } });
  officer = await officerClient(core.url, '900003', '123456');
});
afterAll(async () => {
  officer.close();
  await core.dispose();
});

const names = [...Object.keys(clientEvents), 'no:such', '', '__proto__', 'constructor', 'x'.repeat(5000), 'auth:login ', 'AUTH:LOGIN'];

/** Payloads no schema accepts: wrong types, or objects that always carry a key the strict schemas refuse. */
function junk(r: ReturnType<typeof rng>): unknown {
  switch (r.int(10)) {
    case 0:
      return r.int(1e9) - 5e8;
    case 1:
      return 'x'.repeat(r.int(60_000));
    case 2:
      return [r.next(), null, {}];
    case 3:
      return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    case 4:
      return { badge: r.int(1e6), pin: { $gt: '' }, junk: 1 };
    case 5:
      return Buffer.from(Array.from({ length: r.int(2000) }, () => r.int(256)));
    case 6:
      return null;
    case 7:
      return { code: '１２３４５６', kioskId: -1, extra: 'x' };
    case 8:
      return { nested: { deep: { deeper: Array.from({ length: 200 }, (_, i) => ({ i })) } } };
    default:
      return true;
  }
}

it('R2: malformed events never crash the core, each gets a typed error, and the DB is unchanged', async () => {
  const count = scale(10_000, 1_000);
  const r = rng(20261126);
  const before = fingerprint(core.core.db);
  const runsBefore = core.core.metrics.handlerRuns;
  let typed = 0;
  const batch = 200;
  for (let sent = 0; sent < count; sent += batch) {
    const replies = await Promise.all(
      Array.from({ length: Math.min(batch, count - sent) }, () => officer.raw(r.pick(names), junk(r))),
    );
    for (const reply of replies) {
      expect(reply).toMatchObject({ ok: false });
      const code = (reply as { error: { code: string } }).error.code;
      expect(errorCodes).toContain(code);
      typed++;
    }
  }
  // Binary junk at the transport level: the socket is dropped, the core stays up.
  const ws = new WebSocket(`${core.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
  await new Promise((resolve) => ws.once('open', resolve));
  const closed = new Promise((resolve) => ws.once('close', resolve));
  ws.send(Buffer.from([0xff, 0x00, 0x13, 0x37]));
  ws.send('42["auth:login",{"badge":');
  ws.send('4' + '9'.repeat(100));
  await closed;
  expect((await officer.send('auth:me', {})).ok).toBe(true);
  expect(fingerprint(core.core.db)).toBe(before);
  expect(core.core.metrics.handlerRuns).toBe(runsBefore + 1); // only the auth:me above
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  figure('R2', `${count} malformed events: ${typed} typed errors, 0 crashes, DB unchanged, 0 handlers run`);
});
