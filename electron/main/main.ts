import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, Menu, powerSaveBlocker, screen } from 'electron';
import type { Display } from 'electron';
import { startCore } from '../core/server';
import type { RunningCore } from '../core/server';
import { lockDownKiosk } from './kiosk-lockdown';
import { findKioskByToken } from '../core/kiosk/pairing';
import { builtInKioskToken } from './kiosk-token';
import { registerNativeIpc } from './native-ipc';
import { denyAllPermissions, hardenAllWebContents } from './web-security';
import { boothWindowOptions, kioskWindowOptions } from './window-options';

// The database lives in userData. Pin it to ".../GreenPost" (Electron would derive it from
// package.json's lowercase "name" in development) so dev and packaged builds share one place;
// tests and a second booth profile pass --user-data-dir. Must precede the single-instance lock.
const userDataSwitch = app.commandLine.getSwitchValue('user-data-dir');
app.setPath('userData', userDataSwitch ? resolve(userDataSwitch) : join(app.getPath('appData'), 'GreenPost'));

// Every renderer in an OS sandbox, whatever a window's options say.
app.enableSandbox();

let running: RunningCore | undefined;
let booth: BrowserWindow | undefined;
let kiosk: { win: BrowserWindow; displayId: number; kioskId: number } | undefined;
/** Staff closed the kiosk window (5 taps + an admin PIN): it stays closed until the app restarts. */
let kioskClosedByStaff = false;
/** Set once the app is quitting; until then the kiosk window refuses to close. */
let quitting = false;

const coreOrigin = () => (running ? new URL(running.url).origin : undefined);

function focusBooth() {
  if (!booth || booth.isDestroyed()) return;
  if (booth.isMinimized()) booth.restore();
  booth.show();
  booth.focus();
}

function openBooth(core: RunningCore) {
  const win = new BrowserWindow(boothWindowOptions(join(__dirname, 'preload.cjs'), app.isPackaged));
  booth = win;
  win.once('ready-to-show', () => win.show());
  // The booth is the app: closing it is how staff leave, and it takes the kiosk down with it.
  win.on('closed', () => {
    booth = undefined;
    app.quit();
  });
  void win
    .loadURL(core.boothUrl)
    .catch((err: unknown) => core.core.log('error', 'booth failed to load', { err: String(err) }));
}

function openKiosk(core: RunningCore, display: Display) {
  const token = builtInKioskToken(core.core.db, app.getPath('userData'), Date.now());
  // The page reads the token from the fragment (never sent to the server), stores it and clears it.
  const url = `${core.kioskUrl}#kioskToken=${encodeURIComponent(token)}`;
  const win = new BrowserWindow(kioskWindowOptions(display.bounds, app.isPackaged));
  kiosk = { win, displayId: display.id, kioskId: findKioskByToken(core.core.db, token)!.id };
  const load = () =>
    void win.loadURL(url).catch((err: unknown) => core.core.log('error', 'kiosk failed to load', { err: String(err) }));
  lockDownKiosk(win, { isPackaged: app.isPackaged, mayClose: () => quitting || kioskClosedByStaff, recover: load, powerSaveBlocker });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (kiosk?.win === win) kiosk = undefined;
  });
  load();
}

/**
 * The core checked an admin's PIN on a kiosk: if that kiosk is this window, close it. A LAN tablet
 * passing the same check has no window here to close.
 */
function closeKioskForStaff(kioskId: number): boolean {
  if (!kiosk || kiosk.kioskId !== kioskId) return false;
  kioskClosedByStaff = true;
  kiosk.win.close();
  return true;
}

/** The kiosk lives on a display other than the booth's, and only while that display is attached. */
function syncKiosk() {
  if (!running || quitting || kioskClosedByStaff) return;
  const primary = screen.getPrimaryDisplay();
  const displays = screen.getAllDisplays();
  if (kiosk && !displays.some((d) => d.id === kiosk?.displayId)) {
    // Its screen was unplugged: Electron would move the fullscreen kiosk over the booth console.
    kiosk.win.destroy();
    kiosk = undefined;
  }
  const second = displays.find((d) => d.id !== primary.id);
  if (kiosk || !second) return;
  try {
    openKiosk(running, second);
  } catch (err) {
    // The booth works without its kiosk (a LAN tablet can pair instead); never take it down.
    running.core.log('error', 'kiosk window failed to open', { err: String(err) });
  }
}

async function launch() {
  // Packaged builds drop the default menu: no Reload or Toggle DevTools accelerators anywhere.
  if (app.isPackaged) Menu.setApplicationMenu(null);
  hardenAllWebContents(coreOrigin);
  denyAllPermissions();
  registerNativeIpc({ booth: () => booth?.webContents, coreOrigin });
  const appPath = app.getAppPath();
  running = await startCore({
    dataDir: app.getPath('userData'),
    port: 0,
    host: '127.0.0.1',
    demo: process.argv.includes('--demo'),
    onKioskExit: closeKioskForStaff,
    webDir: join(appPath, 'dist-web'),
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(appPath, 'resources'),
  });
  openBooth(running);
  syncKiosk();
  screen.on('display-added', syncKiosk);
  screen.on('display-removed', syncKiosk);
}

if (!app.requestSingleInstanceLock()) {
  // Another GreenPost owns this data dir; it focuses its booth window (below) and we leave.
  app.quit();
} else {
  app.on('second-instance', focusBooth);
  app.on('before-quit', () => {
    quitting = true;
  });
  // Close the core after the windows are gone, so no screen watches its socket drop mid-task.
  app.on('will-quit', (event) => {
    const core = running;
    if (!core) return;
    running = undefined;
    event.preventDefault();
    void core
      .close()
      .catch((err: unknown) => process.stderr.write(`GreenPost core did not close cleanly: ${String(err)}\n`))
      .finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
  // A service manager's SIGTERM should release the data-dir lock like any other quit.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app
    .whenReady()
    .then(launch)
    .catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      dialog.showErrorBox('绿岗无法启动 / GreenPost could not start', message);
      app.exit(1);
    });
}
