import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { percentile } from '../../bench/types';
import { connectClient, officerClient, tempDataDir, type TestClient } from '../helpers/test-core';
import { exited, printed, spawnReady } from './processes';
import { figure, full, scale } from './scale';

// The core, the flooder and the measuring client each have their own process, as in real life.
let core: Awaited<ReturnType<typeof spawnReady>>;
const dataDir = tempDataDir('r11');
beforeAll(async () => {
  // A per-socket budget high enough for the quiet client's samples, far below a flood.
  core = await spawnReady('tests/faults/child-core.ts', [dataDir, JSON.stringify({ eventsPerSecond: 3000, eventBurst: 1000 }), '--demo']);
});
afterAll(async () => {
  core.child.kill('SIGTERM');
  await exited(core.child);
  rmSync(dataDir, { recursive: true, force: true });
});

async function ackTimes(client: TestClient, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await client.send('auth:me', {});
    times.push(performance.now() - t0);
    expect(r).toMatchObject({ ok: true });
  }
  return times.sort((a, b) => a - b);
}

it('R11: an oversized message closes only its socket; a flooding client is rate-limited and others keep their latency', async () => {
  const url = core.ready;
  const quietClient = await officerClient(url, '900003', '123456');
  const flooderLogin = await officerClient(url, '900004', '123456');
  flooderLogin.close();
  const samples = scale(2000, 400);
  await ackTimes(quietClient, 50); // warm-up
  const quiet = await ackTimes(quietClient, samples);

  const flooder = await spawnReady('tests/faults/flood-worker.ts', [url, flooderLogin.token, '600000']);
  const loaded = await ackTimes(quietClient, samples);
  // Let the flood run until the core has cut it off and turned away at least one reconnection.
  await printed(flooder, /REFUSED \d+/);
  flooder.child.kill('SIGTERM');
  await exited(flooder.child);
  const kicks = [...flooder.output().matchAll(/KICKED (\d+) (\d+)/g)];
  const [, sent, limited] = kicks.at(-1) ?? [];
  const refused = [...flooder.output().matchAll(/REFUSED (\d+)/g)].at(-1)?.[1] ?? '0';
  expect(kicks.length).toBeGreaterThan(0);

  const big = await connectClient(url);
  const closed = new Promise((resolve) => big.socket.once('disconnect', resolve));
  void big.raw('auth:login', { badge: '900003', pin: 'x'.repeat(70 * 1024) }).catch(() => undefined);
  await closed;
  expect((await quietClient.send('auth:me', {})).ok).toBe(true);

  const q99 = percentile(quiet, 99);
  const l99 = percentile(loaded, 99);
  figure('R11', `flood of ${sent} events: ${limited} RATE_LIMITED, flooder disconnected ${kicks.length} time(s) and ${refused} reconnections refused; other client's ack p99 quiet ${q99.toFixed(2)} ms, under flood ${l99.toFixed(2)} ms (${(l99 / q99).toFixed(2)}×, goal ≤ 2×); oversized message closed only its socket`);
  expect(Number(refused)).toBeGreaterThan(0);
  // The latency goal (2 × quiet p99, +1 ms timer grace) is asserted in the full run, on an otherwise idle
  // machine. The CI subset shares 2 cores with the flooder, the build and browsers: there it checks the
  // mechanism (limited, cut off, turned away, every other request answered) and prints the figure.
  if (full) expect(l99).toBeLessThanOrEqual(2 * q99 + 1);
  quietClient.close();
  big.close();
}, 300_000);
