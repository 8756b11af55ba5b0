import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EscortView } from '../../shared/contract/escorts';
import type { LinkState } from '../../shared/contract/index';
import { STEP_MIN_GAP_MS } from '../../shared/domain/escort-timeline';
import { outboxHead } from '../../electron/core/city/outbox';
import { ackedSeq } from '../../electron/core/city/shipper';
import { percentile } from '../../bench/types';
import { writeWeekOfLoad } from '../../bench/week-load';
import { startCityDb, type CityDb } from '../helpers/city-pg';
import {
  expectOk,
  officerClient,
  startTestCore,
  tempDataDir,
  type TestClient,
  type TestCore,
} from '../helpers/test-core';
import { exited, spawnReady } from './processes';
import { figure, full, scale } from './scale';

// A post whose city server is down for a week of ordinary work, then back: the shipper takes the
// whole backlog there while the booth keeps pressing escort steps, and the booth must not feel it.
// The city runs in a process of its own, as it does in life: its work is not the booth's.
let db: CityDb;
let city: Awaited<ReturnType<typeof spawnReady>> | undefined;
const cityDir = tempDataDir('r14-city');
const startCity = (port: number, ...flags: string[]) =>
  spawnReady('tests/faults/city-child.ts', [cityDir, db.cluster.url, String(port), ...flags]);
async function stopCity() {
  city?.child.kill('SIGTERM');
  if (city) await exited(city.child);
  city = undefined;
}
let post: TestCore;
let booth: TestClient;
let postId = 0;
// Steps pressed back to back, far faster than a person: the post's clock moves on by the minimum gap at each press.
let skew = 0;

/** Resolves when the post's header state satisfies `ok`, from its pushes (or the current state). */
async function linkUntil(ok: (s: LinkState) => boolean, timeoutMs = 60_000): Promise<LinkState> {
  const now = expectOk(await booth.send('link:state', {}));
  if (ok(now)) return now;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`link state not reached within ${timeoutMs} ms`)), timeoutMs);
    const on = (s: LinkState) => {
      if (!ok(s)) return;
      clearTimeout(timer);
      booth.socket.off('link:state', on);
      resolve(s);
    };
    booth.socket.on('link:state', on);
  });
}

beforeAll(async () => {
  db = await startCityDb();
  [city, post] = await Promise.all([
    startCity(0, '--demo'),
    startTestCore({ demo: true, clock: () => Date.now() + skew, limits: { eventsPerSecond: 1e6, eventBurst: 1e6 } }),
  ]);
  const [cityAdmin, postAdmin] = await Promise.all([
    officerClient(city.ready, '900001', '123456'),
    officerClient(post.url, '900001', '123456'),
  ]);
  booth = postAdmin;
  const created = expectOk(await cityAdmin.send('city:createPost', { name: '一周离线岗' }));
  cityAdmin.close();
  postId = created.postId;
  expectOk(await booth.send('link:enrol', { cityUrl: city.ready, code: created.code }));
  await linkUntil((s) => s.enrolled && s.status === 'synced');
}, 120_000);
afterAll(async () => {
  booth?.close();
  await post?.dispose();
  await stopCity();
  await db?.dispose();
  rmSync(cityDir, { recursive: true, force: true });
});

/** One escort step pressed at the booth, in ms; opens a new escort when the last one is handed over. */
let escort: EscortView | undefined;
async function pressStep(): Promise<number> {
  const steps = ['met', 'departed', 'arrived', 'handedOver'] as const;
  if (!escort || escort.status === 'handedOver')
    escort = expectOk(await booth.send('escort:create', { plate: '鲁P88888', confirmDuplicate: true }));
  skew += STEP_MIN_GAP_MS;
  const step = steps[['requested', 'met', 'departed', 'arrived'].indexOf(escort.status)]!;
  const t0 = performance.now();
  const reply = await booth.send('escort:advance', { id: escort.id, version: escort.version, step });
  const ms = performance.now() - t0;
  escort = expectOk(reply);
  return ms;
}

const cityHead = async () =>
  Number(
    (await db.pool.query<{ h: string }>('SELECT head_seq h FROM city_posts WHERE post_id = $1', [postId])).rows[0]!.h,
  );

it('R14: a week offline catches up in full when the city is back, and booth steps during catch-up keep their p99', async () => {
  const port = Number(new URL(city!.ready).port);
  await stopCity();
  await linkUntil((s) => s.enrolled && s.status === 'offline');

  // The week: ≈3,000 events (CI: 600) at their own simulated moments, ending now.
  const written = writeWeekOfLoad(post.core.db, scale(3_000, 600), Date.now() - 3_600_000);
  const backlog = written - ackedSeq(post.core);

  // Quiet: the same steps while nothing ships (the link down, the shipper backing off).
  const samples = scale(400, 100);
  for (let i = 0; i < 40; i++) await pressStep();
  const quiet: number[] = [];
  for (let i = 0; i < samples; i++) quiet.push(await pressStep());

  // The link returns. Steps go on until the city holds everything written before it did.
  const target = outboxHead(post.core.db).seq;
  city = await startCity(port);
  const t0 = performance.now();
  const during: number[] = [];
  while (ackedSeq(post.core) < target) {
    // The shipper may be in a long backoff from the week of failed attempts: wake it, as a reconnect would.
    post.core.shipper?.nudge();
    during.push(await pressStep());
  }
  const catchUpMs = performance.now() - t0;

  // Then it settles: 已同步, the city's head the post's head, every escort there.
  await linkUntil((s) => s.enrolled && s.status === 'synced' && s.pending === 0);
  const head = outboxHead(post.core.db).seq;
  expect(await cityHead()).toBe(head);
  expect(
    Number(
      (await db.pool.query<{ n: string }>('SELECT count(*) n FROM city_events WHERE post_id = $1', [postId])).rows[0]!
        .n,
    ),
  ).toBe(head);
  const escorts = (post.core.db.prepare('SELECT count(*) n FROM escorts').get() as { n: number }).n;
  expect(
    Number(
      (await db.pool.query<{ n: string }>('SELECT count(*) n FROM city_escorts WHERE post_id = $1', [postId])).rows[0]!
        .n,
    ),
  ).toBe(escorts);

  quiet.sort((x, y) => x - y);
  during.sort((x, y) => x - y);
  const q99 = percentile(quiet, 99);
  const d99 = percentile(during, 99);
  figure(
    'R14',
    `${backlog} events written offline over 7 simulated days caught up in ${(catchUpMs / 1000).toFixed(2)} s; escort step p99 quiet ${q99.toFixed(2)} ms (${quiet.length} steps), during catch-up ${d99.toFixed(2)} ms (${during.length} steps, ${(d99 / q99).toFixed(2)}×, goal ≤ 2×)`,
  );
  expect(backlog).toBeGreaterThanOrEqual(scale(3_000, 600));
  // As R11: the latency goal is asserted in the full run, on an otherwise idle machine; the CI subset
  // shares its cores with other test workers and checks the catch-up itself.
  if (full) expect(d99).toBeLessThanOrEqual(2 * q99);
}, 300_000);
