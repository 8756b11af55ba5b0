import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface ServedCore {
  url: string;
  kioskUrl: string;
  dataDir: string;
  process: ChildProcess;
}

/** Starts the built headless core (`dist-node/serve.mjs`) on a fresh data dir and a free port. */
/** `settings` are passed as `--setting key=value` (e.g. a short idle time for a walk-away test). */
export async function serveCore(
  opts: { demo?: boolean; demoYears?: number; dataDir?: string; port?: number; settings?: Record<string, string | number> } = {},
): Promise<ServedCore> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'greenpost-e2e-'));
  const args = [
    'dist-node/serve.mjs',
    '--data',
    dataDir,
    '--port',
    String(opts.port ?? 0),
    ...(opts.demo ? ['--demo', '--demo-years', String(opts.demoYears ?? 0)] : []),
  ];
  for (const [key, value] of Object.entries(opts.settings ?? {})) args.push('--setting', `${key}=${value}`);
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolvePromise, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /booth 岗亭: (http:\/\/\S+?)\/?\n/.exec(out);
      if (m?.[1]) resolvePromise(m[1]);
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`core exited (${code}): ${err}`)));
  });
  return { url, kioskUrl: `${url}/kiosk`, dataDir, process: child };
}

export async function stopCore(core: ServedCore, keepData = false) {
  if (core.process.exitCode === null) {
    const exited = new Promise((r) => core.process.once('exit', r));
    core.process.kill('SIGTERM');
    await exited;
  }
  if (!keepData) rmSync(core.dataDir, { recursive: true, force: true });
}

type Settings = Record<string, string | number> | undefined;

export const test = base.extend<{ core: ServedCore; demo: boolean; demoYears: number; settings: Settings }>({
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
