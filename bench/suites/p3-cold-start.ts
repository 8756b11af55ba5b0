// P3: the core's cold start to ready on the ten-year dataset — the built `dist-node/serve.mjs` spawned
// as a child process, timed from spawn to its "ready" line — against a bare Node HTTP server spawned
// and timed the same way in this run. The in-process breakdown (open, checks, migrate, seeding) is logged.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { migrate } from '../../electron/core/db/migrate';
import { seedHelmetContent } from '../../electron/core/helmet/content';
import { copyBenchDatabase } from '../bench-db';
import { round2 } from '../report-bench-data';
import { entry, type BenchSuite } from '../types';

const root = resolve(import.meta.dirname, '../..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Spawns `node args`, resolves with the ms from spawn to the first stdout line matching `ready`, then stops it. */
function timeToReady(args: string[], ready: RegExp): Promise<number> {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ms: number | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (ms === undefined && ready.test(out)) {
        ms = performance.now() - t0;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    child.on('exit', (code) =>
      ms === undefined ? fail(new Error(`exited ${code} before ready: ${err || out}`)) : ok(ms),
    );
  });
}

const timed = (fn: () => unknown) => {
  const t0 = performance.now();
  fn();
  return round2(performance.now() - t0);
};

const suite: BenchSuite = async ({ quick, workDir, log }) => {
  const serve = join(root, 'dist-node', 'serve.mjs');
  if (!existsSync(serve)) throw new Error('P3 starts the built core: run `npm run build` first');
  const dataDir = join(workDir, 'data');
  mkdirSync(dataDir);
  const file = join(dataDir, 'greenpost.db');
  await copyBenchDatabase(quick, file, log);
  log(`database: ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB`);

  // Where the time goes, in this process, on the same file (the page cache is as warm as for the spawns).
  const db = new Database(file);
  const breakdown = {
    open: timed(() => db.pragma('journal_mode = WAL')),
    quickCheck: timed(() => db.pragma('quick_check')),
    integrityCheck: timed(() => db.pragma('integrity_check')),
    migrate: timed(() => migrate(db)),
    helmetContent: timed(() => seedHelmetContent(db, join(root, 'resources'), Date.now())),
  };
  db.close();
  log(`in-process: ${Object.entries(breakdown).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);

  const rounds = quick ? 3 : 7;
  const core: number[] = [];
  const bare: number[] = [];
  const coreArgs = [serve, '--data', dataDir, '--port', '0', '--host', '127.0.0.1'];
  const bareArgs = [
    '-e',
    "require('node:http').createServer().listen(0, '127.0.0.1', function () { console.log('ready http://127.0.0.1:' + this.address().port); })",
  ];
  // The first start also writes what a new data dir gets (the install secret, content rows): a warm-up.
  await timeToReady(coreArgs, /core ready/);
  for (let i = 0; i < rounds; i++) {
    bare.push(await timeToReady(bareArgs, /ready/));
    core.push(await timeToReady(coreArgs, /core ready/));
  }
  log(`spawn → ready: core ${core.map((n) => n.toFixed(0)).join(', ')} ms; bare ${bare.map((n) => n.toFixed(0)).join(', ')} ms`);
  const value = median(core);
  return [
    entry({
      id: 'P3.coldStart',
      name: 'core cold start to ready on the ten-year dataset (spawn → ready line, vs bare Node http.listen)',
      value: round2(value),
      unit: 'ms',
      baseline: round2(median(bare)),
      goal: '≤ 500 ms',
      pass: value <= 500,
    }),
  ];
};

export default suite;
