import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { percentile } from '../../bench/types';
import { connectClient, officerClient, tempDataDir, type TestClient } from '../helpers/test-core';
import { exited, printed, spawnReady } from './processes';
import { figure, full, scale } from './scale';

// The core, the flooder and the measuring screens each have their own process, as in real life. The
// core runs with the product's own limits (30 events a second per socket, bursts of 60): the screens
// keep within them, as the booth and kiosk pages do, and the flooder does not.
let core: Awaited<ReturnType<typeof spawnReady>>;
const dataDir = tempDataDir('r11');
beforeAll(async () => {
  core = await spawnReady('tests/faults/child-core.ts', [dataDir, '-', '--demo']);
});
afterAll(async () => {
  core.child.kill('SIGTERM');
  await exited(core.child);
  rmSync(dataDir, { recursive: true, force: true });
});

const SCREENS = 10;
const PACE_MS = 40; // 25 events a second per screen, inside the 30 a second every socket is allowed

/** Ack times of `n` requests spread over the screens, each screen sending one every PACE_MS. */
async function ackTimes(screens: TestClient[], n: number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    screens.map(async (screen) => {
      for (let i = 0; i < n / screens.length; i++) {
        const t0 = performance.now();
        const r = await screen.send('auth:me', {});
        const took = performance.now() - t0;
        times.push(took);
        expect(r).toMatchObject({ ok: true });
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, PACE_MS - took)));
      }
    }),
  );
  return times.sort((a, b) => a - b);
}

it('R11: an oversized message closes only its socket; a flooding client is rate-limited and others keep their latency', async () => {
  const url = core.ready;
  const login = await officerClient(url, '900003', '123456');
  const screens = [
    login,
    ...(await Promise.all(Array.from({ length: SCREENS - 1 }, () => connectClient(url, { token: login.token })))),
  ];
  const flooderLogin = await officerClient(url, '900004', '123456');
  flooderLogin.close();
  const samples = scale(4000, 600);
  await ackTimes(screens, 100); // warm-up
  const quiet = await ackTimes(screens, samples);

  const flooder = await spawnReady('tests/faults/flood-worker.ts', [url, flooderLogin.token, '600000']);
  const loaded = await ackTimes(screens, samples);
  // The flood is still on: the core has cut it off and turns its reconnections away.
  await printed(flooder, /REFUSED \d+/);
  flooder.child.kill('SIGTERM');
  await exited(flooder.child);
  const kicks = [...flooder.output().matchAll(/KICKED (\d+) (\d+)/g)];
  const [, sent, limited] = kicks.at(-1) ?? [];
  const refused = [...flooder.output().matchAll(/REFUSED (\d+)/g)].at(-1)?.[1] ?? '0';
  expect(kicks.length).toBeGreaterThan(0);
  expect(Number(limited)).toBeGreaterThan(0);

  const big = await connectClient(url);
  const closed = new Promise((resolve) => big.socket.once('disconnect', resolve));
  void big.raw('auth:login', { badge: '900003', pin: 'x'.repeat(70 * 1024) }).catch(() => undefined);
  await closed;
  for (const screen of screens) expect((await screen.send('auth:me', {})).ok).toBe(true);

  const q99 = percentile(quiet, 99);
  const l99 = percentile(loaded, 99);
  figure(
    'R11',
    `flood of ${sent} events: ${limited} RATE_LIMITED, flooder disconnected ${kicks.length} time(s) and ${refused}+ reconnections refused; ${SCREENS} other screens' ack p99 (${samples} acks each way) quiet ${q99.toFixed(2)} ms, under flood ${l99.toFixed(2)} ms (${(l99 / q99).toFixed(2)}×, goal ≤ 2×); oversized message closed only its socket`,
  );
  expect(Number(refused)).toBeGreaterThan(0);
  // The latency goal (2 × quiet p99, +1 ms timer grace) is asserted in the full run, on an otherwise idle
  // machine. The CI subset shares 2 cores with vitest's other workers: there it checks the mechanism
  // (limited, cut off, turned away, every other request answered) and prints the figure.
  if (full) expect(l99).toBeLessThanOrEqual(2 * q99 + 1);
  for (const screen of screens) screen.close();
  big.close();
}, 300_000);
