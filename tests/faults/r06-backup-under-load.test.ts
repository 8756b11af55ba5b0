import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyChain } from '../../electron/core/audit/chain';
import { takeBackup } from '../../electron/core/data-care/backup';
import { restoreFromFile } from '../../electron/core/data-care/restore';
import { insertEscort } from '../helpers/report-fixtures';
import { officerClient, startTestCore, type TestClient, type TestCore } from '../helpers/test-core';
import { figure, scale } from './scale';

let core: TestCore;
let writers: TestClient[];
beforeAll(async () => {
  // No rate limit: two officers writing flat out is the load, not an abuse.
  core = await startTestCore({ demo: true, limits: { eventsPerSecond: 1e6, eventBurst: 1e6 } });
  // Years of history, so the copy takes many steps and the writers get between them.
  const db = core.core.db;
  const start = Date.parse('2024-01-01T00:00:00Z');
  db.transaction(() => {
    for (let i = 0; i < scale(20_000, 3_000); i++)
      insertEscort(db, { requestedAt: start + i * 3_600_000, met: 4, arrived: 9, handedOver: 12, officers: [3], plate: `鲁P${10_000 + (i % 80_000)}` });
  })();
  writers = [await officerClient(core.url, '900003', '123456'), await officerClient(core.url, '900004', '123456')];
});
afterAll(async () => {
  for (const w of writers) w.close();
  await core.dispose();
});

/** What the writers have been told was saved, in the order they were told. */
interface Acked {
  escortIds: number[];
  advisories: number;
}

/** One officer logging escorts and 劝导 taps back to back, as fast as the core answers. */
async function write(client: TestClient, acked: Acked, stop: () => boolean, tag: number) {
  for (let i = 0; !stop(); i++) {
    if (i % 2 === 0) {
      const r = await client.send('escort:create', { plate: `鲁Q${String((tag * 10_000 + i) % 100_000).padStart(5, '0')}`, meetPoint: '急诊门口', confirmDuplicate: true });
      if (!r.ok) throw new Error(r.error.message);
      acked.escortIds.push(r.value.id);
    } else {
      const r = await client.send('advisory:tap', { kind: 'parking' });
      if (!r.ok) throw new Error(r.error.message);
      acked.advisories++;
    }
  }
}

interface Counts {
  escortIds: Set<number>;
  advisories: number;
  escortsTotalCounter: number;
  escortsNotCancelled: number;
  advisoriesCounter: number;
  audit: number;
}

function countsOf(db: Database.Database): Counts {
  const n = (sql: string) => (db.prepare(sql).get() as { n: number } | undefined)?.n ?? 0;
  return {
    escortIds: new Set((db.prepare('SELECT id FROM escorts').raw(true).all() as [number][]).map(([id]) => id)),
    advisories: n('SELECT COUNT(*) AS n FROM advisories WHERE undone_at IS NULL'),
    escortsTotalCounter: n("SELECT value AS n FROM counters WHERE key = 'escorts.total'"),
    escortsNotCancelled: n("SELECT COUNT(*) AS n FROM escorts WHERE status != 'cancelled'"),
    advisoriesCounter: n("SELECT value AS n FROM counters WHERE key = 'advisories.total'"),
    audit: n('SELECT COUNT(*) AS n FROM audit_log'),
  };
}

it('R6: an online backup under write load restores with equal counts and integrity ok', async () => {
  const rounds = scale(5, 1);
  const lines: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const live = core.core.db;
    const preloaded = countsOf(live);
    const acked: Acked = { escortIds: [], advisories: 0 };
    let stopped = false;
    let failed: unknown;
    const load = Promise.all(writers.map((w, i) => write(w, acked, () => stopped, round * 10 + i))).catch((err: unknown) => {
      failed = err;
    });
    // Let the load get going: the backup starts with writes already in flight.
    while (acked.escortIds.length < 5 && failed === undefined) await new Promise((r) => setImmediate(r));
    const before = { escortIds: [...acked.escortIds], advisories: acked.advisories };
    const t0 = performance.now();
    // The very function `backup:run` calls; one page per step lets the writers in between steps.
    const result = await takeBackup(core.core, { trigger: 'manual', actor: 'test', pagesPerStep: 1 });
    const ms = performance.now() - t0;
    const atEnd = { escortIds: acked.escortIds.length, advisories: acked.advisories };
    stopped = true;
    await load; // the last writes in flight settle: a write the copy caught is acknowledged by now
    if (failed !== undefined) throw failed;

    const file = new Database(result.file.path, { readonly: true });
    expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyChain(file).ok).toBe(true);
    const inBackup = countsOf(file);
    file.close();

    // Everything acknowledged before the backup started is in it; nothing is in it that was never acknowledged.
    for (const id of before.escortIds) expect(inBackup.escortIds.has(id)).toBe(true);
    const known = new Set([...preloaded.escortIds, ...acked.escortIds]);
    for (const id of inBackup.escortIds) expect(known.has(id)).toBe(true);
    const newEscorts = inBackup.escortIds.size - preloaded.escortIds.size;
    expect(newEscorts).toBeGreaterThanOrEqual(before.escortIds.length);
    expect(newEscorts).toBeLessThanOrEqual(acked.escortIds.length);
    const newTaps = inBackup.advisories - preloaded.advisories;
    expect(newTaps).toBeGreaterThanOrEqual(before.advisories);
    expect(newTaps).toBeLessThanOrEqual(acked.advisories);
    // The backup is one moment of the database: its running counters agree with its own rows.
    expect(inBackup.escortsTotalCounter).toBe(inBackup.escortsNotCancelled);
    expect(inBackup.advisoriesCounter).toBe(inBackup.advisories);
    // Writes happened while the pages were being copied: this was a backup under load.
    expect(atEnd.escortIds + atEnd.advisories).toBeGreaterThan(before.escortIds.length + before.advisories);

    // Through the real restore path into a fresh data dir.
    const fresh = await startTestCore({ demo: true });
    try {
      await restoreFromFile(fresh.core, result.file.path, { actor: 'test' });
      const restored = countsOf(fresh.core.db);
      expect(fresh.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyChain(fresh.core.db).ok).toBe(true);
      expect([...restored.escortIds].sort()).toEqual([...inBackup.escortIds].sort());
      expect(restored).toMatchObject({
        advisories: inBackup.advisories,
        escortsTotalCounter: inBackup.escortsTotalCounter,
        advisoriesCounter: inBackup.advisoriesCounter,
        audit: inBackup.audit + 1, // the restore records itself
      });
    } finally {
      await fresh.dispose();
    }
    lines.push(
      `${result.pages} pages in ${Math.round(ms)} ms while ${atEnd.escortIds - before.escortIds.length} escorts + ${atEnd.advisories - before.advisories} taps were acked; backup holds ${newEscorts} new escorts (acked before ${before.escortIds.length} ≤ ${newEscorts} ≤ ${acked.escortIds.length} acked by end)`,
    );
  }
  figure('R6', `${rounds} online backup(s) under 2 writers, integrity_check ok, audit chain ok, restored counts equal: ${lines.join('; ')}`);
}, 300_000);
