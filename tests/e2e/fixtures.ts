import { test as base, expect, type Browser, type BrowserContext, type Download, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { atWallClock } from '../helpers/faketime';
import { findFullIds } from '../helpers/full-id';

const root = resolve(import.meta.dirname, '../..');

export interface ServedCore {
  url: string;
  kioskUrl: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the core printed (stdout, stderr) and logged (logs/core.log), kept after it stops. */
  output(): string;
}

/** Every core served during the current test: what they printed is checked for full ID numbers (R8). */
const servedThisTest: ServedCore[] = [];
const logOf = (dataDir: string) => {
  const file = join(dataDir, 'logs', 'core.log');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
};

/** Starts the built headless core (`dist-node/serve.mjs`) on a fresh data dir and a free port. */
/** `settings` are passed as `--setting key=value` (e.g. a short idle time for a walk-away test). */
export async function serveCore(
  opts: {
    demo?: boolean;
    demoYears?: number;
    dataDir?: string;
    port?: number;
    settings?: Record<string, string | number>;
    /** Start the core with its system clock at this instant (ISO with offset), through `faketime`. */
    wallClock?: string;
    /** Serve as the city server on this PostgreSQL (`npm run serve:city -- --pg …`). */
    pg?: string;
  } = {},
): Promise<ServedCore> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'greenpost-e2e-'));
  const args = [
    'dist-node/serve.mjs',
    '--data',
    dataDir,
    '--port',
    String(opts.port ?? 0),
    ...(opts.demo ? ['--demo', '--demo-years', String(opts.demoYears ?? 0)] : []),
    ...(opts.pg ? ['--city', '--pg', opts.pg] : []),
  ];
  for (const [key, value] of Object.entries(opts.settings ?? {})) args.push('--setting', `${key}=${value}`);
  const run = opts.wallClock
    ? atWallClock(opts.wallClock, process.execPath, args)
    : { command: process.execPath, args, env: process.env };
  const child = spawn(run.command, run.args, { cwd: root, env: run.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const url = await new Promise<string>((resolvePromise, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /booth 岗亭: (http:\/\/\S+?)\/?\n/.exec(out);
      if (m?.[1]) resolvePromise(m[1]);
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`core exited (${code}): ${err}`)));
  });
  let keptLog: string | undefined;
  const core: ServedCore = {
    url,
    kioskUrl: `${url}/kiosk`,
    dataDir,
    process: child,
    output: () => `${out}\n${err}\n${keptLog ?? logOf(dataDir)}`,
  };
  // stopCore removes the data dir: the log is read first, so it can still be checked afterwards.
  child.once('exit', () => (keptLog = logOf(dataDir)));
  servedThisTest.push(core);
  return core;
}

export async function stopCore(core: ServedCore, keepData = false) {
  if (core.process.exitCode === null) {
    const exited = new Promise((r) => core.process.once('exit', r));
    core.process.kill('SIGTERM');
    await exited;
  }
  core.output(); // reads the log while the data dir is still there
  if (!keepData) rmSync(core.dataDir, { recursive: true, force: true });
}

type Settings = Record<string, string | number> | undefined;

/** A downloaded file as text; an XLSX (a zip) is read back cell by cell, since its bytes are compressed. */
async function downloadedText(download: Download): Promise<string> {
  const bytes = readFileSync(await download.path());
  if (bytes.subarray(0, 2).toString('latin1') !== 'PK') return bytes.toString('utf8');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  let text = '';
  book.eachSheet((sheet) => sheet.eachRow((row) => (text += `${JSON.stringify(row.values)}\n`)));
  return text;
}

/**
 * R8, across the whole e2e run: after each test, every open page's DOM, every downloaded file and
 * everything each served core printed or logged must hold no full resident ID number. Pages in
 * contexts a test opens itself (booth and kiosk side by side) are watched through the browser.
 */
async function noFullIdNumbers({ browser, context }: { browser: Browser; context: BrowserContext }, use: () => Promise<void>) {
  const downloads: Promise<{ name: string; text: string }>[] = [];
  const opened = new Set<BrowserContext>();
  const watchPage = (page: Page) =>
    page.on('download', (d) => downloads.push(downloadedText(d).then((text) => ({ name: d.suggestedFilename(), text }))));
  const watchContext = (c: BrowserContext) => {
    opened.add(c);
    c.pages().forEach(watchPage);
    c.on('page', watchPage);
  };
  watchContext(context);
  browser.on('context', watchContext);
  servedThisTest.length = 0;
  await use();
  browser.off('context', watchContext);
  const found: string[] = [];
  const scan = (where: string, text: string) => found.push(...findFullIds(text).map((id) => `${where}: ${id}`));
  for (const c of opened)
    for (const page of c.pages()) {
      const html = await page.evaluate(() => document.documentElement.outerHTML).catch(() => '');
      scan(`DOM of ${page.url()}`, html);
    }
  for (const d of await Promise.all(downloads.map((p) => p.catch(() => ({ name: '(failed download)', text: '' })))))
    scan(`download ${d.name}`, d.text);
  for (const core of servedThisTest) scan(`core output (${core.url})`, core.output());
  // Contexts a test opened itself end with it, as the built-in one does: their pages would otherwise
  // keep reconnecting to a stopped core and slow every later test on a 2-core machine.
  for (const c of opened) if (c !== context) await c.close().catch(() => undefined);
  expect(found, 'no full ID number in any DOM, download or core output').toEqual([]);
}

export const test = base.extend<{ core: ServedCore; demo: boolean; demoYears: number; settings: Settings; noFullIdNumbers: void }>({
  noFullIdNumbers: [noFullIdNumbers, { auto: true }],
  demo: [true, { option: true }],
  /** Years of demo history; 0 (accounts only) keeps most tests fast. */
  demoYears: [0, { option: true }],
  settings: [undefined, { option: true }],
  core: async ({ demo, demoYears, settings }, use) => {
    const core = await serveCore({ demo, demoYears, settings });
    await use(core);
    await stopCore(core);
  },
});

export { expect };

export async function login(page: Page, url: string, badge: string, pin = '123456') {
  await page.goto(url);
  await page.getByLabel('警号').fill(badge);
  await page.getByLabel('密码').fill(pin);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
}

/**
 * Signs in as the demo chief and opens 统计报表. The browser's print dialog would block a test, so
 * window.print only counts its calls (`__printed`): page.pdf() then renders the same print layout,
 * as Electron's printToPDF does.
 */
export async function openReportsAsChief(page: Page, url: string) {
  await page.addInitScript(() => {
    const w = window as unknown as { print(): void; __printed?: number };
    w.print = () => void (w.__printed = (w.__printed ?? 0) + 1);
  });
  await login(page, url, '900002');
  await page.getByRole('menuitem', { name: '统计报表' }).click();
  // The page and its charts load lazily on first use: on a busy CI machine that first paint is slow.
  await expect(page.getByRole('button', { name: '导出 CSV' })).toBeVisible({ timeout: 45_000 });
}

/** Pairs a fresh kiosk page from a signed-in booth page, the way an officer does it. */
export async function pairKiosk(booth: Page, kiosk: Page, kioskUrl: string) {
  await kiosk.goto(kioskUrl);
  const code = kiosk.getByTestId('pairing-code');
  await expect(code).toHaveText(/^\d{6}$/);
  await booth.getByRole('button', { name: '配对教育屏' }).click();
  await booth.getByLabel('配对码').fill((await code.textContent())!);
  await booth.getByRole('button', { name: '配对', exact: true }).click();
  await expect(kiosk.getByTestId('attract-loop')).toBeVisible();
  await booth.keyboard.press('Escape');
}
