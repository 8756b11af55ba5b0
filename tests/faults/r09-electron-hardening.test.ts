import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { beforeEach, expect, it, vi } from 'vitest';
import { figure } from './scale';

// Electron cannot run here, so its `app` and `session` are stood in for: the test drives the very
// handlers main.ts installs and checks what they answer.
const created: Array<(event: unknown, contents: unknown) => void> = [];
const permissions: { request?: (wc: unknown, p: string, cb: (ok: boolean) => void) => void; check?: () => boolean } = {};
vi.mock('electron', () => ({
  // Keeps the options it was built with, so the test reads what each window really got.
  BrowserWindow: class {
    constructor(readonly options: BrowserWindowConstructorOptions) {}
  },
  app: { on: (name: string, fn: (e: unknown, c: unknown) => void) => name === 'web-contents-created' && created.push(fn) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: typeof permissions.request) => (permissions.request = fn),
      setPermissionCheckHandler: (fn: typeof permissions.check) => (permissions.check = fn),
    },
  },
}));

const { denyAllPermissions, hardenAllWebContents } = await import('../../electron/main/web-security');
const { boothWindowOptions, kioskWindowOptions, openHardenedWindow } = await import('../../electron/main/window-options');

class FakeContents extends EventEmitter {
  openHandler?: (d: { url: string }) => { action: string };
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.openHandler = fn;
  }
  /** Emits a cancellable Electron-style event and says whether a listener prevented it. */
  attempt(name: string, url: string): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

beforeEach(() => {
  created.length = 0;
});

it('R9: windows are hardened; navigation away, window.open, webviews and permissions are denied', () => {
  const origin = 'http://127.0.0.1:5170';
  hardenAllWebContents(() => origin);
  denyAllPermissions();
  const contents = new FakeContents();
  created.forEach((fn) => fn({}, contents));

  for (const options of [boothWindowOptions('/p.cjs'), kioskWindowOptions({ x: 0, y: 0, width: 1280, height: 800 })]) {
    const win = openHardenedWindow(options, true) as unknown as { options: BrowserWindowConstructorOptions };
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  }
  const denied = [
    contents.openHandler?.({ url: 'https://example.com' }).action === 'deny',
    contents.openHandler?.({ url: `${origin}/kiosk` }).action === 'deny',
    contents.attempt('will-navigate', 'https://example.com/phish'),
    contents.attempt('will-navigate', 'file:///etc/passwd'),
    contents.attempt('will-redirect', 'http://127.0.0.1:9999/'),
    contents.attempt('will-attach-webview', `${origin}/`),
  ];
  expect(denied).toEqual([true, true, true, true, true, true]);
  expect(contents.attempt('will-navigate', `${origin}/kiosk`)).toBe(false); // its own pages stay reachable
  let granted: boolean | undefined;
  permissions.request?.({}, 'media', (ok) => (granted = ok));
  expect(granted).toBe(false);
  expect(permissions.check?.()).toBe(false);
  figure('R9', `2 window configs hardened; ${denied.length}/${denied.length} escapes denied; permissions denied (CSP vs inline script and eval: tests/e2e/foundation.spec.ts)`);
});
