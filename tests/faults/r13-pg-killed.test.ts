import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ShippedEvent } from '../../shared/contract/city-events';
import { MAX_BATCH_EVENTS } from '../../shared/contract/city-events';
import { createPost, enrolPost } from '../../electron/core/city/enrolment';
import { ingestBatch } from '../../electron/core/city/ingest';
import { outboxAfter } from '../../electron/core/city/outbox';
import { migrateCity } from '../../electron/core/city/pg-schema';
import { projectionTables, rebuildProjections, toEvent } from '../../electron/core/city/projections';
import { DomainError } from '../../electron/core/errors';
import { startPgCluster, type PgCluster } from '../../scripts/pg-cluster';
import { startTestCore, type TestCore } from '../helpers/test-core';
import { figure, rng, scale } from './scale';

// A year of a real post's outbox goes into the city's PostgreSQL while the database is killed with
// SIGKILL (postmaster and every backend, as a power cut) at random moments and started again. The
// ingest loop does what the shipper does: one batch after the last acknowledged seq, and on any
// failure the same batch again once the database answers.
let post: TestCore;
let cluster: PgCluster;
let pool: pg.Pool;

beforeAll(async () => {
  [post, cluster] = await Promise.all([startTestCore({ demo: true, demoYears: 1 }), startPgCluster()]);
  pool = new pg.Pool({ connectionString: cluster.url, max: 4, connectionTimeoutMillis: 5_000 });
  // A killed server drops the pool's idle connections; the pool reports it here instead of throwing.
  pool.on('error', () => undefined);
  await migrateCity(pool);
}, 120_000);
afterAll(async () => {
  await pool?.end();
  cluster?.dispose();
  await post?.dispose();
});

/** Every row of the projections, in one digest. */
async function projectionsDigest(client: pg.ClientBase): Promise<string> {
  const parts = [];
  for (const table of projectionTables)
    parts.push(
      (
        await client.query<{ h: string }>(
          `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) h FROM ${table} t`,
        )
      ).rows[0]!.h,
    );
  return parts.join(' ');
}

/** The shipper's loop against one pool: resends from the acknowledged seq after any failure. */
function ingester(postId: number, events: ShippedEvent[]) {
  let acked = 0;
  let failures = 0;
  const waiters: Array<{ ready: () => boolean; resolve: () => void }> = [];
  const settle = () => {
    for (const w of waiters.splice(0))
      if (w.ready()) w.resolve();
      else waiters.push(w);
  };
  const until = (ready: () => boolean) =>
    new Promise<void>((resolve) => (ready() ? resolve() : waiters.push({ ready, resolve })));
  const running = (async () => {
    while (acked < events.length) {
      try {
        // Outbox seqs are 1, 2, 3 …: the batch after `acked` starts at index `acked`.
        const batch = events.slice(acked, acked + MAX_BATCH_EVENTS);
        acked = (await ingestBatch(pool, postId, { timeZone: 'Asia/Shanghai', events: batch }, Date.now())).ackedSeq;
      } catch (err) {
        // A refusal is the city judging the data, not the database going away: here it would be a bug.
        if (err instanceof DomainError) throw err;
        failures++;
        // The shipper's backoff, shortened: the database is down or still recovering.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      settle();
    }
  })();
  return {
    running,
    acked: () => acked,
    failures: () => failures,
    /** Resolves once the loop has acknowledged `seq`. */
    ackedAtLeast: (seq: number) => until(() => acked >= seq),
    /** Resolves once the loop has failed `n` times in all. */
    failedAtLeast: (n: number) => until(() => failures >= n),
  };
}

it('R13: PostgreSQL killed -9 and restarted during ingest loses and duplicates nothing; projections equal a rebuild', async () => {
  const kills = scale(20, 3);
  const all = outboxAfter(post.core.db, 0, 1_000_000);
  const events = all.slice(0, scale(all.length, 3_000));
  const r = rng(13);
  const created = await createPost(pool, '断电岗', Date.now());
  const { postId } = await enrolPost(pool, created.code, Date.now());

  const loop = ingester(postId, events);
  const points = Array.from({ length: kills }, () => r.int(Math.floor(events.length * 0.9))).sort((a, b) => a - b);
  const t0 = performance.now();
  for (const point of points) {
    await loop.ackedAtLeast(point);
    // The random moment of the crash: within the next batch or two, often mid-transaction.
    await new Promise((resolve) => setTimeout(resolve, r.int(30)));
    const failuresBefore = loop.failures();
    cluster.kill();
    // The loop finds the database gone before it comes back.
    await loop.failedAtLeast(failuresBefore + 1);
    cluster.start();
  }
  await loop.running;
  const ms = performance.now() - t0;

  const stored = (
    await pool.query<{
      seq: string;
      at: string;
      kind: ShippedEvent['kind'];
      entity_id: string;
      payload: string;
      prev_hash: string;
      hash: string;
    }>('SELECT seq, at, kind, entity_id, payload, prev_hash, hash FROM city_events WHERE post_id = $1 ORDER BY seq', [
      postId,
    ])
  ).rows.map(toEvent);
  const storedSeqs = new Set(stored.map((e) => e.seq));
  const lost = events.filter((e) => !storedSeqs.has(e.seq)).length;
  const duplicated = stored.length - storedSeqs.size;
  const head = (
    await pool.query<{ head_seq: string; head_hash: string }>(
      'SELECT head_seq, head_hash FROM city_posts WHERE post_id = $1',
      [postId],
    )
  ).rows[0]!;

  const client = await pool.connect();
  let live: string;
  let rebuilt: string;
  try {
    live = await projectionsDigest(client);
    await rebuildProjections(client);
    rebuilt = await projectionsDigest(client);
  } finally {
    client.release();
  }
  figure(
    'R13',
    `${kills} SIGKILLs of PostgreSQL during ingest of ${events.length} events (${loop.failures()} failed calls resent, ${(ms / 1000).toFixed(1)} s): ${lost} lost, ${duplicated} duplicated, projections ${live === rebuilt ? '=' : '≠'} a fresh rebuild`,
  );
  expect(lost).toBe(0);
  expect(duplicated).toBe(0);
  expect(loop.failures()).toBeGreaterThanOrEqual(kills);
  // count(*) = head seq, contiguous from 1, every event as the post's outbox holds it.
  expect(stored.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(stored).toEqual(events);
  expect({ seq: Number(head.head_seq), hash: head.head_hash }).toEqual({
    seq: events.at(-1)!.seq,
    hash: events.at(-1)!.hash,
  });
  expect(live).toBe(rebuilt);
}, 600_000);
