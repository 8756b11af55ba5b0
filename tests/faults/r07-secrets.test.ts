import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectClient, expectOk, startTestCore, type TestCore } from '../helpers/test-core';
import { figure } from './scale';

let core: TestCore;
beforeAll(async () => {
  core = await startTestCore({ demo: true });
});
afterAll(() => core.dispose());

it('R7: the 6th wrong PIN is refused even when right; PINs slow-hashed; no PIN or token in any log', async () => {
  const c = await connectClient(core.url);
  const pins = ['wrong-one', 'wrong-two', 'wrong-three', 'wrong-four', 'wrong-five'];
  for (const pin of pins) expect(await c.send('auth:login', { badge: '900004', pin })).toMatchObject({ ok: false });
  const sixth = await c.send('auth:login', { badge: '900004', pin: '123456' });
  expect(sixth).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  const grant = expectOk(await c.send('auth:login', { badge: '900003', pin: '123456' }));
  // Force an error path that logs, with secrets in the payload.
  await c.raw('auth:login', { badge: '900003', pin: 'leak-me-please', token: grant.token });

  const t0 = performance.now();
  const hashes = core.core.db.prepare('SELECT pin_hash FROM officers').all() as { pin_hash: string }[];
  expect(hashes.every((h) => h.pin_hash.startsWith('scrypt$32768$'))).toBe(true);
  const logs = readFileSync(join(core.dataDir, 'logs', 'core.log'), 'utf8');
  const audit = JSON.stringify(core.core.db.prepare('SELECT * FROM audit_log').all());
  for (const secret of [...pins, '123456', 'leak-me-please', grant.token]) {
    expect(logs).not.toContain(secret);
    expect(audit).not.toContain(secret);
  }
  figure('R7', `6th PIN refused while locked; ${hashes.length} PINs scrypt N=32768; 0 PINs/tokens in ${logs.split('\n').length - 1} log lines and the audit log (checked in ${Math.round(performance.now() - t0)} ms)`);
  c.close();
});
