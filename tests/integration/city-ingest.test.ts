import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shippedBatch, type ShippedEvent } from '../../shared/contract/city-events';
import { outboxAfter, outboxHead } from '../../electron/core/city/outbox';
import { createPost, enrolPost, postForCredential } from '../../electron/core/city/enrolment';
import { ingestBatch } from '../../electron/core/city/ingest';
import { rebuildProjections } from '../../electron/core/city/projections';
import { eventHash } from '../../electron/core/city/event-chain';
import { DomainError } from '../../electron/core/errors';
import { startCityDb, type CityDb } from '../helpers/city-pg';
import { startTestCore, type TestCore } from '../helpers/test-core';

// A post with a year of demo history told through the domain functions, so its outbox holds what
// real work writes; a real PostgreSQL takes it in.
let post: TestCore;
let city: CityDb;
const now = () => Date.now();
const tz = 'Asia/Shanghai';

beforeAll(async () => {
  [post, city] = await Promise.all([startTestCore({ demo: true, demoYears: 1 }), startCityDb()]);
}, 120_000);
afterAll(async () => {
  await post?.dispose();
  await city?.dispose();
});

const count = async (sql: string, params: unknown[] = []) => Number((await city.pool.query<{ n: string }>(sql, params)).rows[0]!.n);
const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
};

async function enrolled(name: string) {
  const created = await createPost(city.pool, name, now());
  const { postId, credential } = await enrolPost(city.pool, created.code, now());
  expect(postId).toBe(created.postId);
  expect(await postForCredential(city.pool, credential)).toBe(postId);
  return postId;
}

/** Ships the post's whole outbox in batches of 200, as the shipper does. */
async function shipAll(postId: number, events: ShippedEvent[]) {
  let acked = 0;
  for (let i = 0; i < events.length; i += 200) acked = (await ingestBatch(city.pool, postId, { timeZone: tz, events: events.slice(i, i + 200) }, now())).ackedSeq;
  return acked;
}

describe('outbox at the post', () => {
  test('every record write appended its record’s state, chained, and the last fact equals the record', () => {
    const db = post.core.db;
    const events = outboxAfter(db, 0, 1_000_000);
    expect(events.length).toBeGreaterThan(10_000);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    let prev = '0'.repeat(64);
    for (const e of events) {
      expect(e.prevHash).toBe(prev);
      expect(eventHash(prev, e)).toBe(e.hash);
      prev = e.hash;
    }
    // Every batch would pass the city's schema.
    expect(shippedBatch.safeParse({ timeZone: tz, events: events.slice(0, 200) }).success).toBe(true);
    const lastEscortFact = new Map<number, Record<string, unknown>>();
    for (const e of events.filter((x) => x.kind === 'escort')) lastEscortFact.set(e.entityId, JSON.parse(e.payload));
    const rows = db.prepare('SELECT id, status, handed_over_at, cancelled_at FROM escorts').all() as { id: number; status: string; handed_over_at: number | null; cancelled_at: number | null }[];
    expect(lastEscortFact.size).toBe(rows.length);
    for (const r of rows)
      expect(lastEscortFact.get(r.id)).toMatchObject({ status: r.status, handedOverAt: r.handed_over_at, cancelledAt: r.cancelled_at });
    // No person leaves the post: no name, plate or note in any fact.
    const plates = (db.prepare('SELECT plate FROM escorts LIMIT 50').all() as { plate: string }[]).map((r) => r.plate).filter((p) => p.length > 3);
    const text = events.map((e) => e.payload).join('\n');
    for (const p of plates) expect(text).not.toContain(p);
    expect(text).not.toMatch(/name|plate|notes|phone|idHash/i);
  });

  test('an outbox row can be neither changed nor deleted', () => {
    const db = post.core.db;
    expect(() => db.prepare('UPDATE outbox SET payload = ? WHERE seq = 1').run('{}')).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM outbox WHERE seq = 1').run()).toThrow(/cannot be deleted/);
  });
});

describe('ingest into PostgreSQL', () => {
  test('a post ships its history: stored exactly once, projections equal the post’s own tables', async () => {
    const postId = await enrolled('市医院岗');
    const events = outboxAfter(post.core.db, 0, 1_000_000);
    const t0 = performance.now();
    const acked = await shipAll(postId, events);
    const ms = performance.now() - t0;
    console.log(`[city] ${events.length} events ingested in ${ms.toFixed(0)} ms (${Math.round(events.length / (ms / 1000))} events/s)`);
    expect(acked).toBe(outboxHead(post.core.db).seq);
    expect(await count('SELECT count(*) n FROM city_events WHERE post_id = $1', [postId])).toBe(events.length);

    // Delivered again, all of it, in other batch sizes: nothing more is stored.
    for (let i = 0; i < events.length; i += 150) {
      const again = await ingestBatch(city.pool, postId, { timeZone: tz, events: events.slice(i, i + 150) }, now());
      expect(again).toEqual({ ackedSeq: acked, stored: 0 });
    }
    expect(await count('SELECT count(*) n FROM city_events WHERE post_id = $1', [postId])).toBe(events.length);

    const db = post.core.db;
    const local = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(await count('SELECT count(*) n FROM city_escorts WHERE post_id = $1', [postId])).toBe(local('SELECT count(*) n FROM escorts'));
    expect(await count("SELECT count(*) n FROM city_escorts WHERE post_id = $1 AND status = 'handedOver'", [postId])).toBe(
      local("SELECT count(*) n FROM escorts WHERE status = 'handedOver'"),
    );
    expect(await count("SELECT count(*) n FROM city_helmet_stops WHERE post_id = $1 AND outcome = 'completed'", [postId])).toBe(
      local("SELECT count(*) n FROM helmet_stops WHERE outcome = 'completed'"),
    );
    expect(await count('SELECT coalesce(sum(fine_yuan), 0) n FROM city_helmet_stops WHERE post_id = $1 AND outcome = $2', [postId, 'fined'])).toBe(
      local("SELECT coalesce(sum(fine_yuan), 0) n FROM helmet_stops WHERE outcome = 'fined'"),
    );
    expect(await count('SELECT count(*) n FROM city_advisories WHERE post_id = $1 AND undone_at IS NULL', [postId])).toBe(
      local('SELECT count(*) n FROM advisories WHERE undone_at IS NULL'),
    );

    // The projections are a function of the events: a fresh rebuild lands on the same rows.
    const snapshot = async () =>
      (await city.pool.query("SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) h FROM (SELECT * FROM city_escorts UNION ALL SELECT post_id, stop_id, seq, vehicle, outcome, null, null, null, stopped_at, closed_at, fine_yuan, null, null, null, eligible FROM city_helmet_stops) t")).rows[0]!.h as string;
    const before = await snapshot();
    const client = await city.pool.connect();
    try {
      await rebuildProjections(client);
    } finally {
      client.release();
    }
    expect(await snapshot()).toBe(before);
  });

  test('a batch past the head stores nothing and answers the head; a reordered batch is refused', async () => {
    const postId = await enrolled('东门岗');
    const events = outboxAfter(post.core.db, 0, 400);
    expect((await ingestBatch(city.pool, postId, { timeZone: tz, events: events.slice(0, 100) }, now())).ackedSeq).toBe(100);
    expect(await ingestBatch(city.pool, postId, { timeZone: tz, events: events.slice(150, 200) }, now())).toEqual({ ackedSeq: 100, stored: 0 });
    const reordered = [events[100]!, events[102]!, events[101]!];
    expect((await refusal(ingestBatch(city.pool, postId, { timeZone: tz, events: reordered }, now()))).code).toBe('VALIDATION');
    expect(await count('SELECT count(*) n FROM city_events WHERE post_id = $1', [postId])).toBe(100);
    expect((await ingestBatch(city.pool, postId, { timeZone: tz, events: events.slice(100, 200) }, now())).ackedSeq).toBe(200);
  });

  test('a tampered event, a replay that differs and another post’s events are refused, nothing written, the post flagged', async () => {
    const events = outboxAfter(post.core.db, 0, 300);
    const cases: Array<[string, (ev: ShippedEvent[]) => ShippedEvent[]]> = [
      ['tampered payload', (ev) => ev.map((e, i) => (i === 5 ? { ...e, payload: e.payload.replace(/"status":"\w+"/, '"status":"cancelled"') } : e))],
      ['re-hashed forgery', (ev) => ev.map((e, i) => (i === 5 ? { ...e, payload: e.payload.replace('"id":', '"id": '), hash: eventHash(e.prevHash, { ...e, payload: e.payload.replace('"id":', '"id": ') }) } : e))],
      ['another post’s chain', (ev) => ev.map((e) => ({ ...e, hash: eventHash('f'.repeat(64), e), prevHash: 'f'.repeat(64) }))],
    ];
    for (const [label, mutate] of cases) {
      const postId = await enrolled(`篡改-${label}`);
      await ingestBatch(city.pool, postId, { timeZone: tz, events: events.slice(0, 100) }, now());
      const bad = mutate(events.slice(100, 200));
      const err = await refusal(ingestBatch(city.pool, postId, { timeZone: tz, events: bad }, now()));
      expect(err.code, label).toBe('CONFLICT');
      expect(err.message, label).toMatch(/数据链校验失败/);
      expect(await count('SELECT count(*) n FROM city_events WHERE post_id = $1', [postId]), label).toBe(100);
      const flagged = (await city.pool.query('SELECT flagged_reason FROM city_posts WHERE post_id = $1', [postId])).rows[0];
      expect(flagged.flagged_reason, label).toMatch(/seq 10[0-9]/);
      // Flagged: even the genuine next batch waits for an admin.
      expect((await refusal(ingestBatch(city.pool, postId, { timeZone: tz, events: events.slice(100, 200) }, now()))).message).toMatch(/已被标记/);
    }
    // A replay whose content differs from what was stored.
    const postId = await enrolled('重放岗');
    await ingestBatch(city.pool, postId, { timeZone: tz, events: events.slice(0, 100) }, now());
    const replay = events.slice(0, 50).map((e, i) => (i === 10 ? { ...e, hash: 'a'.repeat(64) } : e));
    expect((await refusal(ingestBatch(city.pool, postId, { timeZone: tz, events: replay }, now()))).message).toMatch(/重放被篡改/);
    expect(await count('SELECT count(*) n FROM city_events WHERE post_id = $1', [postId])).toBe(100);
  });

  test('enrolment: a code works once and an unknown credential names no post', async () => {
    const created = await createPost(city.pool, '南门岗', now());
    await enrolPost(city.pool, created.code, now());
    expect((await refusal(enrolPost(city.pool, created.code, now()))).code).toBe('VALIDATION');
    const stale = await createPost(city.pool, '北门岗', now());
    expect((await refusal(enrolPost(city.pool, stale.code, stale.expiresAt + 1))).message).toMatch(/无效或已过期/);
    expect(await postForCredential(city.pool, 'f'.repeat(64))).toBeUndefined();
    expect((await refusal(createPost(city.pool, '南门岗', now()))).code).toBe('CONFLICT');
  });
});
