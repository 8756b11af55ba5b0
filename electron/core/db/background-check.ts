import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Core } from '../context';

/**
 * SQLite's full integrity_check reads every page: seconds on a booth's years of history, far too long to
 * hold the booth's start for. Opening still refuses a file that is not a database (the header and the
 * schema are read then); the page-by-page check runs here, on its own read-only connection in a worker
 * thread, after the core is ready. If it finds damage the core stops writing (`query_only`: every write
 * is refused as "read-only, nothing was saved" and nothing is falsely acknowledged) and says so in the log.
 */
export interface IntegrityVerdict {
  ok: boolean;
  problems: string[];
  /** False when the check could not run (the core closed first, or the worker failed): no verdict. */
  ran: boolean;
}

export interface IntegrityCheck {
  /** Settles with the check's verdict; never rejects. */
  done: Promise<IntegrityVerdict>;
  stop(): Promise<void>;
}

// Plain CommonJS run by the worker (eval'd: the core is bundled into one file, so no worker file ships).
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
let verdict;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const rows = db.pragma('integrity_check').map((r) => r.integrity_check);
  verdict = { ok: rows.length === 1 && rows[0] === 'ok', problems: rows.slice(0, 3), ran: true };
} catch (err) {
  // A damaged file can make the check itself throw; anything else means the check could not run.
  const damaged = /^SQLITE_(CORRUPT|NOTADB)/.test(String(err && err.code));
  verdict = { ok: !damaged, problems: [String((err && err.message) || err)], ran: damaged };
} finally {
  // Closed before the verdict is sent: once the core has it, the core's own connection is the last
  // one, and closing the core checkpoints the WAL into the database file as usual.
  if (db) db.close();
}
parentPort.postMessage(verdict);`;

/** better-sqlite3's entry, resolved from the app's root (beside dist-web), as the core itself loads it. */
const driverPath = (core: Core): string =>
  createRequire(join(core.options.webDir, '..', 'package.json')).resolve('better-sqlite3');

export function startIntegrityCheck(core: Core): IntegrityCheck {
  const started = Date.now();
  let worker: Worker;
  try {
    worker = new Worker(workerSource, { eval: true, workerData: { file: core.db.name, driver: driverPath(core) } });
  } catch (err) {
    core.log('error', 'integrity_check could not run', { problems: [err instanceof Error ? err.message : String(err)] });
    return { done: Promise.resolve({ ok: true, problems: [], ran: false }), stop: () => Promise.resolve() };
  }
  worker.unref();
  const done = new Promise<IntegrityVerdict>((resolve) => {
    worker.once('message', (verdict: IntegrityVerdict) => resolve(verdict));
    // A check that could not run is logged, not taken for damage: it must not stop a sound booth writing.
    worker.once('error', (err) => resolve({ ok: true, problems: [err.message], ran: false }));
    worker.once('exit', () => resolve({ ok: true, problems: [], ran: false }));
  }).then((verdict) => {
    if (!verdict.ran) {
      if (verdict.problems.length) core.log('error', 'integrity_check could not run', { problems: verdict.problems });
      return verdict;
    }
    if (verdict.ok) core.log('info', 'integrity_check ok', { ms: Date.now() - started });
    else {
      core.db.pragma('query_only = ON');
      core.log('error', '数据库完整性检查失败，已停止写入 / integrity_check failed: writes refused', {
        problems: verdict.problems,
      });
    }
    return verdict;
  });
  return { done, stop: () => worker.terminate().then(() => undefined) };
}
