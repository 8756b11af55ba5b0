import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyChain } from '../../electron/core/audit/chain';
import { expectOk, officerClient, startTestCore, tempDataDir, type TestClient, type TestCore } from '../helpers/test-core';
import { figure, scale } from './scale';

let core: TestCore;
let officer: TestClient;
let plateNo = 10_000;
beforeAll(async () => {
  // No rate limit: the full run logs a few thousand escorts back to back to fill the file.
  core = await startTestCore({ demo: true, limits: { eventsPerSecond: 1e6, eventBurst: 1e6 } });
  officer = await officerClient(core.url, '900003', '123456');
});
afterAll(async () => {
  officer.close();
  await core.dispose();
});

const escorts = () => (core.core.db.prepare('SELECT COUNT(*) AS n FROM escorts').get() as { n: number }).n;
const createEscort = () => officer.send('escort:create', { plate: `鲁P${plateNo++}`, notes: '护送途中记录'.repeat(20) });

/** The core still serves reads and the session: it did not fall over with the disk. */
async function expectCoreUp() {
  expect(expectOk(await officer.send('escort:board', {})).open.length).toBe(escorts());
}

/**
 * Disk full: SQLite's max_page_count on the core's own live connection, pinned to the current size,
 * makes the file unable to grow, exactly as a full disk does (SQLITE_FULL). The officer keeps logging
 * escorts until one no longer fits; every acknowledged one is on disk, the refused one is nowhere,
 * the screen is told in words, and once space returns the same escort is saved.
 */
it('R10a: disk full refuses the write in words, acknowledges nothing false, and recovers when space returns', async () => {
  const db = core.core.db;
  const rounds = scale(10, 2);
  let acked = 0;
  let refused = 0;
  let message = '';
  for (let round = 0; round < rounds; round++) {
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    let full = false;
    for (let i = 0; i < 2000 && !full; i++) {
      const before = escorts();
      const reply = await createEscort();
      if (reply.ok) {
        acked++;
        expect(escorts()).toBe(before + 1);
        continue;
      }
      full = true;
      refused++;
      expect(reply.error.code).toBe('INTERNAL');
      message = reply.error.message;
      expect(message).toMatch(/^磁盘空间不足，记录未保存/);
      expect(escorts()).toBe(before);
      await expectCoreUp();
      // Still full: a retry is refused the same way, and still writes nothing.
      expect(await createEscort()).toMatchObject({ ok: false, error: { message } });
      expect(escorts()).toBe(before);
    }
    expect(full).toBe(true);
    // Space returns.
    db.pragma(`max_page_count = ${2 ** 30}`);
    const before = escorts();
    expectOk(await createEscort());
    acked++;
    expect(escorts()).toBe(before + 1);
  }
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(verifyChain(db).ok).toBe(true);
  figure('R10', `disk full ${rounds}×: ${refused} writes refused with 「${message.split(' / ')[0]}」, 0 falsely acknowledged (${acked} acked = rows added), core up, next write after space returned saved ${rounds}/${rounds}; integrity ok, audit chain ok`);
}, 120_000);

/** `chattr +i` makes the database and its WAL unwritable even for root (chmod does not stop root). */
const immutable = (on: boolean, files: string[]) => execFileSync('chattr', [on ? '+i' : '-i', ...files], { stdio: 'ignore' });
/** Whether this machine can do it at all: root, and a file system with the immutable flag (ext4, xfs, btrfs). */
const canChattr = (() => {
  const probe = join(tempDataDir('r10-probe'), 'probe');
  writeFileSync(probe, '');
  try {
    immutable(true, [probe]);
    immutable(false, [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dirname(probe), { recursive: true, force: true });
  }
})();

it.runIf(canChattr)('R10b: a read-only database refuses the write in words and recovers when writable again', async () => {
  const dbFile = join(core.dataDir, 'greenpost.db');
  // The -shm stays writable: SQLite maps it into memory, and a write to an immutable mapping is a SIGBUS.
  const files = [dbFile, `${dbFile}-wal`].filter((f) => existsSync(f));
  const before = escorts();
  try {
    immutable(true, files);
  } catch (err) {
    throw new Error(`chattr +i failed on ${core.dataDir} (needs root and a file system that supports it): ${String(err)}`);
  }
  let reply: Awaited<ReturnType<typeof createEscort>>;
  try {
    reply = await createEscort();
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/^(数据库只读|磁盘无法写入（只读或故障）)，记录未保存/);
    expect(escorts()).toBe(before);
    await expectCoreUp();
  } finally {
    immutable(false, files);
  }
  expectOk(await createEscort());
  expect(escorts()).toBe(before + 1);
  expect(core.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  if (!reply.ok) figure('R10', `read-only DB: the write refused with 「${reply.error.message.split(' / ')[0]}」, 0 rows written, core up; writable again → next write saved`);
});
