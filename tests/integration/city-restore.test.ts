import { afterAll, beforeAll, expect, test } from 'vitest';
import type { LinkState } from '../../shared/contract/index';
import { brokenLink, GENESIS } from '../../electron/core/city/event-chain';
import { outboxAfter, outboxHead } from '../../electron/core/city/outbox';
import { ackedSeq } from '../../electron/core/city/shipper';
import { startCityDb, type CityDb } from '../helpers/city-pg';
import { expectOk, officerClient, startTestCore, type TestClient, type TestCore } from '../helpers/test-core';

// A restore rolls a post's records back, never its outbox: what was shipped since the backup stays,
// and the next write continues the chain the city holds instead of being refused as tampering.
let db: CityDb;
let city: TestCore;
let post: TestCore;
let other: TestCore;

beforeAll(async () => {
  db = await startCityDb();
  [city, post, other] = await Promise.all([
    startTestCore({ demo: true, pgUrl: db.cluster.url }),
    startTestCore({ demo: true }),
    startTestCore({ demo: true }),
  ]);
}, 120_000);
afterAll(async () => {
  for (const c of [post, other, city]) await c?.dispose();
  await db?.dispose();
});

async function synced(client: TestClient) {
  const done = (s: LinkState) => s.enrolled && s.status === 'synced' && s.pending === 0;
  for (const started = Date.now(); !done(expectOk(await client.send('link:state', {})));) {
    if (Date.now() - started > 30_000) throw new Error('not synced within 30 s');
    await new Promise<void>((resolve) => client.socket.once('link:state', () => resolve()));
  }
}
const cityHead = async () =>
  Number(
    (await db.pool.query<{ head_seq: string }>('SELECT head_seq FROM city_posts WHERE name = $1', ['恢复岗'])).rows[0]!
      .head_seq,
  );
const chainIntact = (t: TestCore) => brokenLink(outboxAfter(t.core.db, 0, 1_000_000), 0, GENESIS) === undefined;

test('restoring an older backup keeps the outbox tail; the next write ships and links', async () => {
  const cityAdmin = await officerClient(city.url, '900001', '123456');
  const { code } = expectOk(await cityAdmin.send('city:createPost', { name: '恢复岗' }));
  cityAdmin.close();
  let admin = await officerClient(post.url, '900001', '123456');
  expectOk(await admin.send('link:enrol', { cityUrl: city.url, code }));
  expectOk(await admin.send('escort:create', { plate: '鲁P40001' }));
  const backup = expectOk(await admin.send('backup:run', {}));
  for (const plate of ['鲁P40002', '鲁P40003']) expectOk(await admin.send('escort:create', { plate }));
  await synced(admin);
  const before = outboxHead(post.core.db);
  expect(await cityHead()).toBe(before.seq);

  expectOk(await admin.send('backup:restore', { path: backup.file.path }));
  admin.close();
  // The records are the backup's (one escort); the outbox and the acknowledged mark are not rolled back.
  expect(post.core.db.prepare('SELECT COUNT(*) AS n FROM escorts').get()).toEqual({ n: 1 });
  expect(outboxHead(post.core.db)).toEqual(before);
  expect(ackedSeq(post.core)).toBe(before.seq);
  expect(chainIntact(post)).toBe(true);

  admin = await officerClient(post.url, '900001', '123456');
  const after = expectOk(await admin.send('escort:create', { plate: '鲁P40004' }));
  await synced(admin);
  admin.close();
  expect(await cityHead()).toBe(before.seq + 1);
  const flagged = await db.pool.query('SELECT flagged_reason FROM city_posts WHERE name = $1', ['恢复岗']);
  expect(flagged.rows[0]).toEqual({ flagged_reason: null });
  const row = await db.pool.query('SELECT escort_id FROM city_escorts WHERE escort_id = $1 AND seq = $2', [
    after.id,
    before.seq + 1,
  ]);
  expect(row.rowCount).toBe(1);
}, 90_000);

test('a backup of another install: the live outbox replaces its own, so the chain the city holds goes on', async () => {
  const foreignAdmin = await officerClient(other.url, '900001', '123456');
  for (const plate of ['鲁P50001', '鲁P50002', '鲁P50003', '鲁P50004', '鲁P50005', '鲁P50006'])
    expectOk(await foreignAdmin.send('escort:create', { plate }));
  const foreign = expectOk(await foreignAdmin.send('backup:run', {}));
  foreignAdmin.close();
  const admin = await officerClient(post.url, '900001', '123456');
  const live = outboxAfter(post.core.db, 0, 1_000_000);

  expectOk(await admin.send('backup:restore', { path: foreign.file.path }));
  admin.close();
  expect(outboxAfter(post.core.db, 0, 1_000_000)).toEqual(live);
  expect(chainIntact(post)).toBe(true);
  // Still append-only outside a restore.
  expect(() => post.core.db.prepare('DELETE FROM outbox').run()).toThrow(/cannot be deleted/);
}, 90_000);
