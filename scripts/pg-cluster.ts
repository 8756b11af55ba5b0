import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster for tests, benches and a newcomer's city server: `initdb` in a
 * temp dir and `pg_ctl` on a random loopback port, run as the `postgres` user (postgres refuses
 * to run as root). Debian's `postgresql` package puts the binaries under /usr/lib/postgresql/<n>/bin.
 */
export interface PgCluster {
  url: string;
  port: number;
  dir: string;
  /** SIGKILL of the postmaster: a crash, not a shutdown (R13). */
  kill(): void;
  start(): void;
  stop(): void;
  /** Stops it and removes its files. */
  dispose(): void;
}

export function pgBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? execFileSync('ls', [root], { encoding: 'utf8' }).split('\n').filter(Boolean) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL is not installed: apt-get install postgresql');
  return join(root, newest, 'bin');
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const asRoot = process.getuid?.() === 0;

function runPg(bin: string, args: string[]): void {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin.split('/').pop()} ${args[0] ?? ''} failed: ${r.stderr || r.stdout}`);
}

export async function startPgCluster(options: { dir?: string; port?: number } = {}): Promise<PgCluster> {
  const bin = pgBinDir();
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'greenpost-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  if (!existsSync(join(data, 'PG_VERSION')))
    runPg(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const port = options.port ?? (await freePort());
  const start = () =>
    runPg(join(bin, 'pg_ctl'), [
      '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60',
      '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`,
      'start',
    ]);
  const stop = () => {
    if (existsSync(join(data, 'postmaster.pid'))) runPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    start,
    stop,
    kill() {
      const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      // The postmaster and every backend at once, as a power cut would: nothing gets to flush or clean up.
      const children = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
      for (const p of [pid, ...children]) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      spawnSync('bash', ['-c', `while kill -0 ${[pid, ...children].join(' ')} 2>/dev/null; do sleep 0.02; done`], { timeout: 10_000 });
      for (const f of ['postmaster.pid']) rmSync(join(data, f), { force: true });
      for (const f of [`.s.PGSQL.${port}`, `.s.PGSQL.${port}.lock`]) rmSync(join(dir, f), { force: true });
    },
    dispose() {
      try {
        stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

// `npm run pg:dev -- [dir] [port]`: a cluster for a city server on this machine; stays up until Ctrl-C.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [dir, port] = process.argv.slice(2);
  const cluster = await startPgCluster({ ...(dir ? { dir } : {}), ...(port ? { port: Number(port) } : {}) });
  process.stdout.write(`PostgreSQL ready: ${cluster.url}\n  (files in ${cluster.dir}; Ctrl-C stops it)\n`);
  const stop = () => {
    cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}
