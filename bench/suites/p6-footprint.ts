// P6: footprint. (a) The core's RSS on the ten-year dataset with 20 booth screens connected, each signed
// in and having loaded what a booth loads on connect; baseline: a bare Node socket.io server with 20
// clients. (b) The booth's initial JS (what the browser fetches before the login screen works), gzipped;
// baseline: a minimal React + ReactDOM app bundled and minified by esbuild, gzipped the same way.
import { build } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { io, type Socket } from 'socket.io-client';
import { BENCH_OFFICERS, BENCH_PIN, copyBenchDatabase } from '../bench-db';
import { round2 } from '../report-bench-data';
import { entry, type BenchSuite } from '../types';

const root = resolve(import.meta.dirname, '../..');
const SCREENS = 20;
const MB = 1024 * 1024;

/** Spawns `node args` and resolves with the child and the first http URL it prints. */
function spawnReady(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
      if (url) ok({ child, url });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => fail(new Error(`exited ${code}: ${out}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((ok) => {
    child.removeAllListeners('exit');
    child.once('exit', () => ok());
    child.kill('SIGTERM');
  });

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

function connect(url: string, auth: Record<string, string>, hello = 'core:hello'): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
  return new Promise((ok, fail) => {
    socket.once(hello, () => ok(socket));
    socket.once('connect_error', fail);
  });
}

async function ask(socket: Socket, name: string, payload: unknown): Promise<unknown> {
  const ack = (await socket.timeout(60_000).emitWithAck(name, payload)) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!ack.ok) throw new Error(`${name}: ${ack.error?.message}`);
  return ack.value;
}

/** One booth screen: signs in, reconnects with its token, and loads what the escort page and the shell load. */
async function boothScreen(url: string, badge: string): Promise<Socket> {
  const anon = await connect(url, {});
  const { token } = (await ask(anon, 'auth:login', { badge, pin: BENCH_PIN })) as { token: string };
  anon.close();
  const s = await connect(url, { token });
  await Promise.all([
    ask(s, 'escort:board', {}),
    ask(s, 'escort:officers', {}),
    ask(s, 'advisory:mine', {}),
    ask(s, 'helmet:list', {}),
    ask(s, 'kiosk:list', {}),
  ]);
  return s;
}

/** RSS of the child once the screens are connected and settled (median of five samples over a second). */
async function settledRss(pid: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 200));
    samples.push(rssOf(pid));
  }
  return samples.sort((a, b) => a - b)[2]!;
}

/** The booth's initial JS: index.html's module script and its static imports / modulepreloads, recursively. */
function initialJs(webDir: string): { files: string[]; gzipBytes: number } {
  const html = readFileSync(join(webDir, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
  const seen = new Set<string>();
  let gzipBytes = 0;
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const code = readFileSync(join(webDir, path));
    gzipBytes += gzipSync(code, { level: 9 }).byteLength;
    // Static imports only (`import{…}from"./x.js"`, `import"./x.js"`); `import("./x.js")` is lazy and not counted.
    for (const m of code.toString().matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g))
      queue.push(join(dirname(path), m[1]!));
  }
  return { files: [...seen], gzipBytes };
}

/** A minimal React 19 app (createRoot + render), bundled and minified for production by esbuild. */
async function reactBaseline(workDir: string): Promise<number> {
  const entryFile = join(workDir, 'react-min.js');
  writeFileSync(entryFile, "import { createRoot } from 'react-dom/client';\nimport { createElement } from 'react';\ncreateRoot(document.getElementById('root')).render(createElement('p', null, 'hi'));\n");
  const out = await build({
    entryPoints: [entryFile],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    nodePaths: [join(root, 'node_modules')],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return gzipSync(out.outputFiles[0]!.contents, { level: 9 }).byteLength;
}

const suite: BenchSuite = async ({ quick, workDir, log }) => {
  const serve = join(root, 'dist-node', 'serve.mjs');
  const webDir = join(root, 'dist-web');
  if (!existsSync(serve) || !existsSync(join(webDir, 'index.html'))) throw new Error('P6 measures the build: run `npm run build` first');

  // (a) the core with 20 screens, against bare socket.io with 20 clients.
  const dataDir = join(workDir, 'data');
  mkdirSync(dataDir);
  await copyBenchDatabase(quick, join(dataDir, 'greenpost.db'), log);
  const core = await spawnReady([serve, '--data', dataDir, '--port', '0', '--host', '127.0.0.1']);
  let coreRss: number;
  let idleRss: number;
  try {
    idleRss = await settledRss(core.child.pid!);
    const screens: Socket[] = [];
    for (let i = 0; i < SCREENS; i++) screens.push(await boothScreen(core.url, BENCH_OFFICERS[i % BENCH_OFFICERS.length]!));
    coreRss = await settledRss(core.child.pid!);
    for (const s of screens) s.close();
  } finally {
    await stop(core.child);
  }
  log(`core RSS: ${(idleRss / MB).toFixed(0)} MB at ready, ${(coreRss / MB).toFixed(0)} MB with ${SCREENS} screens`);

  const bare = await spawnReady([
    '-e',
    `const http = require('node:http').createServer();
     const io = new (require('socket.io').Server)(http, { serveClient: false });
     io.on('connection', (s) => { s.emit('core:hello', {}); s.onAny((name, payload, ack) => typeof ack === 'function' && ack({ ok: true, value: {} })); });
     http.listen(0, '127.0.0.1', () => console.log('ready http://127.0.0.1:' + http.address().port));`,
  ]);
  let bareRss: number;
  try {
    const clients: Socket[] = [];
    for (let i = 0; i < SCREENS; i++) clients.push(await connect(bare.url, {}));
    bareRss = await settledRss(bare.child.pid!);
    for (const c of clients) c.close();
  } finally {
    await stop(bare.child);
  }

  // (b) the booth's initial JS.
  const js = initialJs(webDir);
  const react = await reactBaseline(workDir);
  log(`booth initial JS: ${js.files.join(', ')} = ${(js.gzipBytes / 1024).toFixed(0)} KB gzipped`);

  return [
    entry({
      id: 'P6.rss',
      name: `core RSS, ten-year dataset, ${SCREENS} signed-in booth screens (vs bare Node + socket.io, ${SCREENS} clients)`,
      value: round2(coreRss / MB),
      unit: 'MB',
      baseline: round2(bareRss / MB),
      goal: '≤ 150 MB',
      pass: coreRss <= 150 * MB,
    }),
    entry({
      id: 'P6.boothJs',
      name: "booth's initial JS before the login screen works, gzip -9 (vs a minimal React + ReactDOM app, minified)",
      value: round2(js.gzipBytes / 1024),
      unit: 'KB',
      baseline: round2(react / 1024),
      goal: '≤ 300 KB',
      pass: js.gzipBytes <= 300 * 1024,
    }),
  ];
};

export default suite;
