import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, expect, test } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';

const root = join(import.meta.dirname, '..', '..');

/** Electron's binary path, or undefined when the install skipped the download (require throws). */
function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
const SKIP_REASON = 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): _electron smoke test skipped';

test.describe('Electron shell', () => {
  // Evaluated in the worker, so the reason also reaches the terminal (the list reporter shows only "-").
  test.skip(() => {
    if (!binary) console.log(SKIP_REASON);
    return !binary;
  }, SKIP_REASON);

  let app: ElectronApplication;
  let userData: string;

  test.beforeAll(async () => {
    expect(existsSync(join(root, 'dist-node', 'main.cjs')), 'run `npm run build` first').toBe(true);
    userData = mkdtempSync(join(tmpdir(), 'greenpost-electron-'));
    app = await _electron.launch({
      ...(binary ? { executablePath: binary } : {}),
      // "." loads package.json "main"; our own data dir keeps the test off the developer's database.
      args: ['.', '--demo', `--user-data-dir=${userData}`],
      cwd: root,
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens the booth on the core with a hardened renderer', async () => {
    const booth = await app.firstWindow();
    await expect(booth.getByText('登录').first()).toBeVisible();
    expect(new URL(booth.url()).hostname).toBe('127.0.0.1');

    // What the page can reach: no Node, and exactly the two native functions of the allowlist.
    const reach = await booth.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      native: Object.keys((globalThis as { greenpost?: object }).greenpost ?? {}).sort(),
      popup: (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/') === null,
    }));
    expect(reach).toEqual({
      require: 'undefined',
      process: 'undefined',
      native: ['printToPdf', 'saveFile'],
      popup: true,
    });

    // What the main process configured and where it keeps the data.
    const main = await app.evaluate(({ app: electronApp, BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows().find((w) => !w.isKiosk());
      // getLastWebPreferences is not in electron.d.ts but is how Electron reports a window's effective preferences.
      const wc = win?.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> } | undefined;
      return { userData: electronApp.getPath('userData'), prefs: wc?.getLastWebPreferences?.() };
    });
    expect(main.userData).toBe(userData);
    if (main.prefs) {
      expect(main.prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        webSecurity: true,
      });
    }
  });
});
