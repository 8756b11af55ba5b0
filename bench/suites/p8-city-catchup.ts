// P8: one post's week offline (≈3,000 events) taken to a real city server (its own process, on a
// real PostgreSQL) by the real shipper once the link is back: the time from the city listening again
// to the post's 已同步; and, in steady state, the lag from a booth's escort:create to its row in
// city_escorts. Baselines, same cluster and run: ingestBatch called directly with the same events
// (the catch-up in batches of 200, the lag one event at a time), into a post of their own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { LinkState } from '../../shared/contract/index';
import { MAX_BATCH_EVENTS, type ShippedEvent } from '../../shared/contract/city-events';
import { createPost, enrolPost } from '../../electron/core/city/enrolment';
import { ingestBatch } from '../../electron/core/city/ingest';
import { outboxAfter, outboxHead } from '../../electron/core/city/outbox';
import { startCore } from '../../electron/core/server';
import { startPgCluster } from '../../scripts/pg-cluster';
import { exited, spawnReady } from '../../tests/faults/processes';
import { expectOk, officerClient, type TestClient } from '../../tests/helpers/test-core';
import { writeWeekOfLoad } from '../week-load';
import { entry, percentile, type BenchSuite } from '../types';

const linkUntil = (client: TestClient, ok: (s: LinkState) => boolean) =>
  new Promise<void>((resolve) => {
    const on = (s: LinkState) => {
      if (!ok(s)) return;
      client.socket.off('link:state', on);
      resolve();
    };
    client.socket.on('link:state', on);
    void client.send('link:state', {}).then((a) => a.ok && ok(a.value) && on(a.value));
  });

const suite: BenchSuite = async ({ quick, workDir, log }) => {
  const cluster = await startPgCluster();
  const pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
  const cityDir = mkdtempSync(join(tmpdir(), 'greenpost-p8-city-'));
  const startCity = (port: number, ...flags: string[]) =>
    spawnReady('tests/faults/city-child.ts', [cityDir, cluster.url, String(port), ...flags]);
  let city = await startCity(0, '--demo');
  const port = Number(new URL(city.ready).port);
  const post = await startCore({
    dataDir: join(workDir, 'p8-post'),
    port: 0,
    host: '127.0.0.1',
    demo: true,
    demoYears: 0,
    webDir: join(workDir, 'no-web'),
    resourcesDir: fileURLToPath(new URL('../../resources', import.meta.url)),
    quiet: true,
  });
  const booth = await officerClient(post.url, '900001', '123456');
  try {
    const cityAdmin = await officerClient(city.ready, '900001', '123456');
    const created = expectOk(await cityAdmin.send('city:createPost', { name: '追赶岗' }));
    cityAdmin.close();
    expectOk(await booth.send('link:enrol', { cityUrl: city.ready, code: created.code }));
    await linkUntil(booth, (s) => s.enrolled && s.status === 'synced');
    const cityPostId = created.postId;

    // The baseline's own post, kept level with the real one before each timed stretch.
    const base = await createPost(pool, '直写基线岗', Date.now());
    const { postId: basePostId } = await enrolPost(pool, base.code, Date.now());
    let baseHead = 0;
    const direct = async (events: ShippedEvent[], size: number) => {
      const times: number[] = [];
      for (let i = 0; i < events.length; i += size) {
        const t0 = performance.now();
        await ingestBatch(
          pool,
          basePostId,
          { timeZone: 'Asia/Shanghai', events: events.slice(i, i + size) },
          Date.now(),
        );
        times.push(performance.now() - t0);
      }
      baseHead = events.at(-1)?.seq ?? baseHead;
      return times;
    };

    const rounds = quick ? 1 : 3;
    const catchUp: number[] = [];
    const catchUpDirect: number[] = [];
    for (let round = 0; round < rounds; round++) {
      city.child.kill('SIGTERM');
      await exited(city.child);
      await linkUntil(booth, (s) => s.enrolled && s.status === 'offline');
      const from = outboxHead(post.core.db).seq;
      writeWeekOfLoad(post.core.db, 3_000, Date.now() - 3_600_000);
      await direct(outboxAfter(post.core.db, baseHead, from - baseHead), MAX_BATCH_EVENTS);
      city = await startCity(port);
      const t0 = performance.now();
      // The shipper may be deep in its backoff after a week of failures: wake it as a reconnect would.
      const nudging = setInterval(() => post.core.shipper?.nudge(), 10);
      await linkUntil(booth, (s) => s.enrolled && s.status === 'synced' && s.pending === 0);
      clearInterval(nudging);
      catchUp.push(performance.now() - t0);
      const week = outboxAfter(post.core.db, from, 1_000_000);
      const t1 = performance.now();
      await direct(week, MAX_BATCH_EVENTS);
      catchUpDirect.push(performance.now() - t1);
      log(
        `round ${round + 1}: ${week.length} events caught up in ${catchUp.at(-1)!.toFixed(0)} ms (direct ingest ${catchUpDirect.at(-1)!.toFixed(0)} ms)`,
      );
    }

    // Steady state: a booth write every so often, each timed until the city shows its row.
    const writes = quick ? 30 : 100;
    const lag: number[] = [];
    const lagFrom = outboxHead(post.core.db).seq;
    for (let i = 0; i < writes; i++) {
      const t0 = performance.now();
      const escort = expectOk(
        await booth.send('escort:create', { plate: `鲁PL${String(i).padStart(4, '0')}`, confirmDuplicate: true }),
      );
      const visible = 'SELECT 1 FROM city_escorts WHERE post_id = $1 AND escort_id = $2';
      while (!(await pool.query(visible, [cityPostId, escort.id])).rowCount) await new Promise((r) => setTimeout(r, 1));
      lag.push(performance.now() - t0);
    }
    const lagDirect = await direct(outboxAfter(post.core.db, lagFrom, 1_000_000), 1);

    const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);
    const round1 = (n: number) => Math.round(n * 10) / 10;
    const catchUpMs = round1(Math.max(...catchUp));
    const lagP99 = round1(percentile(sorted(lag), 99));
    log(`steady lag p50 ${round1(percentile(sorted(lag), 50))} ms, p99 ${lagP99} ms over ${writes} writes`);
    return [
      entry({
        id: 'P8.catchup',
        name: 'a week offline (≈3,000 events) from link up to 已同步, slowest round (baseline: ingestBatch called directly with the same events)',
        value: catchUpMs,
        unit: 'ms',
        baseline: round1(Math.max(...catchUpDirect)),
        goal: '≤ 5 s',
        pass: catchUpMs <= 5_000,
      }),
      entry({
        id: 'P8.lag',
        name: `booth escort:create to its row in city_escorts, p99 of ${writes} (baseline: p99 of ingestBatch of that one event)`,
        value: lagP99,
        unit: 'ms',
        baseline: round1(percentile(sorted(lagDirect), 99)),
        goal: 'p99 ≤ 1 s',
        pass: lagP99 <= 1_000,
      }),
    ];
  } finally {
    booth.close();
    await post.close();
    city.child.kill('SIGTERM');
    await exited(city.child);
    await pool.end();
    cluster.dispose();
    rmSync(cityDir, { recursive: true, force: true });
  }
};

export default suite;
