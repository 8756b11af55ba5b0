// P7: a post's events taken into the city's PostgreSQL through ingestBatch (batches of 200: the chain
// checked, the events stored, the projections upserted, the head moved, one transaction each),
// against a raw multi-row INSERT of the same rows, 200 a statement, into a bare table with the same
// columns and key, on the same cluster in the same run, rounds interleaved.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import pg from 'pg';
import { MAX_BATCH_EVENTS, type ShippedEvent } from '../../shared/contract/city-events';
import { createPost, enrolPost } from '../../electron/core/city/enrolment';
import { ingestBatch } from '../../electron/core/city/ingest';
import { outboxAfter } from '../../electron/core/city/outbox';
import { migrateCity } from '../../electron/core/city/pg-schema';
import { startCore } from '../../electron/core/server';
import { startPgCluster } from '../../scripts/pg-cluster';
import { writeWeekOfLoad } from '../week-load';
import { entry, type BenchSuite } from '../types';

async function rawInsert(pool: pg.Pool, round: number, events: ShippedEvent[]) {
  for (let i = 0; i < events.length; i += MAX_BATCH_EVENTS) {
    const batch = events.slice(i, i + MAX_BATCH_EVENTS);
    const now = Date.now();
    const params = batch.flatMap((e) => [round, e.seq, e.at, e.kind, e.entityId, e.payload, e.prevHash, e.hash, now]);
    const rows = batch.map((_, r) => `(${Array.from({ length: 9 }, (_, c) => `$${r * 9 + c + 1}`).join(', ')})`);
    await pool.query(`INSERT INTO bare_events VALUES ${rows.join(', ')}`, params);
  }
}

const suite: BenchSuite = async ({ quick, workDir, log }) => {
  const cluster = await startPgCluster();
  const pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
  const post = await startCore({
    dataDir: join(workDir, 'p7-post'),
    port: 0,
    host: '127.0.0.1',
    demo: true,
    demoYears: 0,
    webDir: join(workDir, 'no-web'),
    resourcesDir: fileURLToPath(new URL('../../resources', import.meta.url)),
    quiet: true,
  });
  try {
    await migrateCity(pool);
    await pool.query(`CREATE TABLE bare_events (post_id integer NOT NULL, seq bigint NOT NULL, at bigint NOT NULL, kind text NOT NULL,
      entity_id bigint NOT NULL, payload text NOT NULL, prev_hash text NOT NULL, hash text NOT NULL, received_at bigint NOT NULL,
      PRIMARY KEY (post_id, seq))`);
    writeWeekOfLoad(post.core.db, quick ? 3_000 : 12_000, Date.now());
    const events = outboxAfter(post.core.db, 0, 1_000_000);
    const rounds = quick ? 2 : 5;
    let [appMs, rawMs] = [0, 0];
    for (let round = 1; round <= rounds + 1; round++) {
      const t0 = performance.now();
      await rawInsert(pool, round, events);
      const t1 = performance.now();
      const created = await createPost(pool, `压测岗 ${round}`, Date.now());
      const { postId } = await enrolPost(pool, created.code, Date.now());
      const t2 = performance.now();
      for (let i = 0; i < events.length; i += MAX_BATCH_EVENTS)
        await ingestBatch(
          pool,
          postId,
          { timeZone: 'Asia/Shanghai', events: events.slice(i, i + MAX_BATCH_EVENTS) },
          Date.now(),
        );
      const t3 = performance.now();
      // The first round warms both paths up.
      if (round > 1) [rawMs, appMs] = [rawMs + (t1 - t0), appMs + (t3 - t2)];
    }
    const rate = (ms: number) => Math.round((rounds * events.length) / (ms / 1000));
    const [value, baseline] = [rate(appMs), rate(rawMs)];
    log(
      `${events.length} events × ${rounds} rounds: ingestBatch ${value} events/s, raw multi-row INSERT ${baseline} events/s`,
    );
    return [
      entry({
        id: 'P7',
        name: 'events/s into PostgreSQL through ingestBatch, batches of 200 (baseline: raw multi-row INSERT of the same rows)',
        value,
        unit: 'events/s',
        baseline,
        goal: 'ratio ≥ 0.5',
        pass: value / baseline >= 0.5,
      }),
    ];
  } finally {
    await post.close();
    await pool.end();
    cluster.dispose();
  }
};

export default suite;
