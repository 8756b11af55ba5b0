import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fingerprint } from '../faults/db-fingerprint';
import { expectOk, officerClient, startTestCore, type TestClient, type TestCore } from '../helpers/test-core';

const cores: TestCore[] = [];
const clients: TestClient[] = [];
afterAll(async () => {
  for (const c of clients) c.close();
  for (const c of cores) await c.dispose();
});

const PHONE = '13912345678';
const PASSPHRASE = '岗亭备份 2026';

async function post() {
  const core = await startTestCore({ demo: true });
  cores.push(core);
  const as = async (badge: string) => {
    const c = await officerClient(core.url, badge, '123456');
    clients.push(c);
    return c;
  };
  return { core, as, key: () => readFileSync(join(core.dataDir, 'rider-key'), 'utf8').trim() };
}

const priorStopsOf = async (c: TestClient) =>
  expectOk(await c.send('helmet:create', { vehicle: 'ebike', phone: PHONE })).priorStops;
const audits = (core: TestCore, action: string) =>
  (core.core.db.prepare('SELECT details FROM audit_log WHERE action = ?').all(action) as { details: string }[]).map(
    (r) => JSON.parse(r.details) as Record<string, unknown>,
  );

it('a backup from another post is restored only with its key export and passphrase, or explicitly without the key', async () => {
  const a = await post();
  expect(await priorStopsOf(await a.as('900003'))).toBe(0);
  const adminA = await a.as('900001');
  expect(await adminA.send('riderKey:export', { passphrase: 'short' })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', message: 'passphrase: 口令至少 8 个字符' },
  });
  const exported = expectOk(await adminA.send('riderKey:export', { passphrase: PASSPHRASE }));
  expect(exported.content).not.toContain(a.key());
  expect(exported.fileName).toMatch(/^greenpost-rider-key-[0-9a-f]{16}\.json$/);
  expect(audits(a.core, 'riderKey.export')).toHaveLength(1);
  const backup = expectOk(await adminA.send('backup:run', {})).file.path;

  const b = await post();
  await priorStopsOf(await b.as('900003')); // B has a key of its own now
  const adminB = await b.as('900001');
  const ownExport = expectOk(await adminB.send('riderKey:export', { passphrase: PASSPHRASE })).content;
  const keyB = b.key();
  const untouched = fingerprint(b.core.core.db);
  const refusals = [
    [{}, /^该备份使用另一把骑手密钥/],
    [{ riderKey: { content: exported.content, passphrase: '不是这个口令，再试一次' } }, /^口令不正确/],
    [{ riderKey: { content: ownExport, passphrase: PASSPHRASE } }, /不属于该备份/],
    [{ riderKey: { content: '{"format":"other"}', passphrase: PASSPHRASE } }, /^这不是绿岗导出的骑手密钥文件/],
  ] as const;
  for (const [extra, message] of refusals) {
    const r = await adminB.send('backup:restore', { path: backup, ...extra });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(message) } });
  }
  expect((await adminB.send('backup:restore', { path: backup })) as unknown).toMatchObject({
    error: { details: { reason: 'riderKeyNeeded' } },
  });
  expect(fingerprint(b.core.core.db)).toEqual(untouched);
  expect(b.key()).toBe(keyB);

  expectOk(
    await adminB.send('backup:restore', {
      path: backup,
      riderKey: { content: exported.content, passphrase: PASSPHRASE },
    }),
  );
  expect(b.key()).toBe(a.key());
  expect(audits(b.core, 'backup.restore').at(-1)).toMatchObject({ riderKey: 'imported' });
  // A's rider, stopped again at B after the restore, is a repeat offender.
  expect(await priorStopsOf(await b.as('900004'))).toBe(1);

  const c = await post();
  const adminC = await c.as('900001');
  await priorStopsOf(await c.as('900003'));
  const keyC = c.key();
  expectOk(await adminC.send('backup:restore', { path: backup, withoutRiderKey: true }));
  expect([c.key() === keyC, c.key() === a.key()]).toEqual([false, false]);
  expect(audits(c.core, 'riderKey.replaced')).toEqual([
    expect.objectContaining({ lost: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown }),
  ]);
  // Without the key the same rider cannot be recognised: the stop restored from A does not match.
  expect(await priorStopsOf(await c.as('900004'))).toBe(0);
});
