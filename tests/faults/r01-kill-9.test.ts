import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { verifyChain } from '../../electron/core/audit/chain';
import { connectClient, tempDataDir } from '../helpers/test-core';
import { exited, spawnReady } from './processes';
import { figure, rng, scale } from './scale';

const limits = JSON.stringify({ publicBurst: 1e6, publicPerMinute: 1e6, eventsPerSecond: 1e6, eventBurst: 1e6 });

/**
 * Acknowledged writes while the core is killed with SIGKILL at a random moment. Each write pairs a
 * kiosk: it commits a kiosk row and an audit row, and its ack carries the kiosk id to look up.
 */
it('R1: kill -9 during acknowledged writes loses nothing acknowledged, integrity ok every time', async () => {
  const runs = scale(50, 5);
  const r = rng(1);
  const dataDir = tempDataDir('r01');
  let acked = 0;
  let lost = 0;
  try {
    for (let run = 0; run < runs; run++) {
      const core = await spawnReady('tests/faults/child-core.ts', [dataDir, limits, '--demo']);
      const officer = await connectClient(core.ready);
      const login = await officer.send('auth:login', { badge: '900003', pin: '123456' });
      officer.close();
      if (!login.ok) throw new Error(login.error.message);
      const client = await connectClient(core.ready, { token: login.value.token });
      const screen = await connectClient(core.ready);
      const kioskIds: number[] = [];
      let killed = false;
      const writer = (async () => {
        while (!killed) {
          // A write in flight when the core dies is never acknowledged: its rejection is expected.
          const code = await screen.send('kiosk:requestPairingCode', {}).catch(() => undefined);
          if (!code?.ok) continue;
          const reply = await client.send('kiosk:pair', { code: code.value.code }).catch(() => undefined);
          if (reply?.ok) kioskIds.push(reply.value.id);
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 150 + r.int(600))); // the random moment of the crash
      core.child.kill('SIGKILL');
      killed = true;
      await exited(core.child);
      await writer;
      client.close();
      screen.close();

      const db = new Database(join(dataDir, 'greenpost.db'));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyChain(db).ok).toBe(true);
      const has = db.prepare('SELECT 1 FROM kiosks WHERE id = ?');
      for (const id of kioskIds) if (!has.get(id)) lost++;
      acked += kioskIds.length;
      db.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  figure('R1', `${runs} kill -9 runs, ${acked} acknowledged writes, ${lost} lost, integrity_check ok ${runs}/${runs}`);
  expect(acked).toBeGreaterThan(runs);
  expect(lost).toBe(0);
}, 300_000);
