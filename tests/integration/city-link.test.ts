import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { io } from 'socket.io-client';
import type { Ack, LinkState } from '../../shared/contract/index';
import { linkFile, loadLink } from '../../electron/core/city/link-file';
import { startCityDb, type CityDb } from '../helpers/city-pg';
import {
  connectClient,
  expectOk,
  officerClient,
  startTestCore,
  type TestClient,
  type TestCore,
} from '../helpers/test-core';

// Two real cores over socket.io: a city server on a throwaway PostgreSQL, and a post that enrols
// with it under 管理 and ships its outbox in the background.
let db: CityDb;
let city: TestCore;
let post: TestCore;
let cityAdmin: TestClient;
let postAdmin: TestClient;

beforeAll(async () => {
  db = await startCityDb();
  [city, post] = await Promise.all([
    startTestCore({ demo: true, pgUrl: db.cluster.url }),
    startTestCore({ demo: true }),
  ]);
  [cityAdmin, postAdmin] = await Promise.all([
    officerClient(city.url, '900001', '123456'),
    officerClient(post.url, '900001', '123456'),
  ]);
}, 120_000);
afterAll(async () => {
  cityAdmin?.close();
  postAdmin?.close();
  await post?.dispose();
  await city?.dispose();
  await db?.dispose();
});

/** Waits for the post's header state to satisfy `ok`, from its pushes (or the current state). */
async function linkUntil(client: TestClient, ok: (s: LinkState) => boolean, timeoutMs = 15_000): Promise<LinkState> {
  const now = expectOk(await client.send('link:state', {}));
  if (ok(now)) return now;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`link state not reached within ${timeoutMs} ms`)), timeoutMs);
    const on = (s: LinkState) => {
      if (!ok(s)) return;
      clearTimeout(timer);
      client.socket.off('link:state', on);
      resolve(s);
    };
    client.socket.on('link:state', on);
  });
}

const cityEscorts = async (postId: number) =>
  (
    await db.pool.query<{ escort_id: string; status: string }>(
      'SELECT escort_id, status FROM city_escorts WHERE post_id = $1 ORDER BY escort_id',
      [postId],
    )
  ).rows;

describe('a post enrolled with the city', () => {
  let postId = 0;

  test('a wrong code is refused with the reason and leaves the post unenrolled', async () => {
    const bad = await postAdmin.send('link:enrol', { cityUrl: city.url, code: '00000000' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/登记码无效或已过期/);
    expect(existsSync(linkFile(post.dataDir))).toBe(false);
    expect(expectOk(await postAdmin.send('link:state', {}))).toEqual({ enrolled: false });
  });

  test('an unreachable city is named in the error', async () => {
    const bad = await postAdmin.send('link:enrol', { cityUrl: 'http://127.0.0.1:1', code: '12345678' });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.error).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/无法连接市级服务器/) });
  });

  test('only the admin enrols a post; only a city admin creates one', async () => {
    const officer = await officerClient(post.url, '900004', '123456');
    const denied = await officer.send('link:enrol', { cityUrl: city.url, code: '12345678' });
    officer.close();
    expect(denied.ok).toBe(false);
    const notCity = await postAdmin.send('city:createPost', { name: '某岗' });
    expect(notCity.ok).toBe(false);
    if (!notCity.ok) expect(notCity.error.message).toMatch(/不是市级服务器/);
  });

  test('the code enrols the post once; its existing records ship and the header says 已同步', async () => {
    expectOk(await postAdmin.send('escort:create', { plate: '鲁P10001' }));
    const created = expectOk(await cityAdmin.send('city:createPost', { name: '人民医院岗' }));
    expect(created.code).toMatch(/^\d{8}$/);
    const state = expectOk(await postAdmin.send('link:enrol', { cityUrl: `${city.url}/`, code: created.code }));
    expect(state).toMatchObject({ enrolled: true, postId: created.postId, postName: '人民医院岗', cityUrl: city.url });
    postId = created.postId;
    const synced = await linkUntil(postAdmin, (s) => s.enrolled && s.status === 'synced');
    expect(synced).toMatchObject({ pending: 0, offlineSince: null });
    expect((await cityEscorts(postId)).map((r) => r.status)).toEqual(['requested']);

    const again = await postAdmin.send('link:enrol', { cityUrl: city.url, code: created.code });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/已登记/);
    const posts = expectOk(await cityAdmin.send('city:posts', {}));
    expect(posts).toEqual([
      expect.objectContaining({ postId, name: '人民医院岗', enrolled: true, flaggedReason: null }),
    ]);
  });

  test('a booth write reaches the city by itself, with no call from the booth', async () => {
    // How soon is measured by the bench (P8: p99 of write → visible), not asserted here.
    const escort = expectOk(await postAdmin.send('escort:create', { plate: '鲁P10002' }));
    await linkUntil(postAdmin, (s) => s.enrolled && s.status === 'synced' && s.pending === 0);
    expect((await cityEscorts(postId)).map((r) => Number(r.escort_id))).toContain(escort.id);
  });

  test('the city goes away: writes keep landing at the post, the header says 离线 and counts them, and they ship when it is back', async () => {
    const port = Number(new URL(city.url).port);
    await city.close();
    const offline = await linkUntil(postAdmin, (s) => s.enrolled && s.status === 'offline');
    expect(offline.enrolled && offline.offlineSince).toBeGreaterThan(0);

    const written = [];
    for (const plate of ['鲁P20001', '鲁P20002', '鲁P20003'])
      written.push(expectOk(await postAdmin.send('escort:create', { plate })).id);
    const waiting = await linkUntil(postAdmin, (s) => s.enrolled && s.status === 'offline' && s.pending >= 3);
    expect(waiting.enrolled && waiting.pending).toBe(3);

    city = await startTestCore({ dataDir: city.dataDir, port, pgUrl: db.cluster.url });
    post.core.shipper?.nudge();
    await linkUntil(postAdmin, (s) => s.enrolled && s.status === 'synced', 90_000);
    const ids = (await cityEscorts(postId)).map((r) => Number(r.escort_id));
    expect(ids).toEqual(expect.arrayContaining(written));
    expect(ids).toHaveLength(5);
  }, 120_000);
});

describe('the city server keeps each door to its own user', () => {
  test('a post credential opens ingest and nothing else; nobody else can ingest', async () => {
    const { credential } = loadLink(post.dataDir)!;
    const asPost = io(city.url, {
      transports: ['websocket'],
      auth: { postCredential: credential },
      reconnection: false,
      forceNew: true,
    });
    const posts = (await asPost.timeout(5_000).emitWithAck('city:posts', {})) as Ack<unknown>;
    asPost.close();
    expect(posts).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/岗位上传凭证无权/) },
    });

    cityAdmin.close();
    cityAdmin = await officerClient(city.url, '900001', '123456');
    const anon = await connectClient(city.url);
    const ingest = await anon.send('city:ingest', { timeZone: 'Asia/Shanghai', events: [] });
    anon.close();
    expect(ingest.ok).toBe(false);
    if (!ingest.ok) expect(ingest.error.code).toBe('UNAUTHENTICATED');
    const officerIngest = await cityAdmin.send('city:ingest', { timeZone: 'Asia/Shanghai', events: [] });
    expect(officerIngest.ok).toBe(false);
    if (!officerIngest.ok) expect(officerIngest.error.message).toMatch(/仅已登记的岗位/);
  });
});
