import { join, resolve } from 'node:path';
import { app, dialog, Menu, powerSaveBlocker, screen } from 'electron';
import type { BrowserWindow, Display } from 'electron';
import { startCore } from '../core/server';
import type { RunningCore } from '../core/server';
import { onDatabaseReplaced } from '../core/data-care/replace-database';
import { readSettings } from '../core/settings-store';
import { lockDownKiosk } from './kiosk-lockdown';
import { findKioskByToken } from '../core/kiosk/pairing';
import { builtInKioskToken } from './kiosk-token';
import { registerNativeIpc } from './native-ipc';
import { sealedRiderVault } from './rider-vault';
import { screenSource, type ScreenSource } from './station';
import { denyAllPermissions, hardenAllWebContents } from './web-security';
import { boothWindowOptions, kioskWindowOptions, openHardenedWindow } from './window-options';

// The database lives in userData. Pin it to ".../GreenPost" (Electron would derive it from
// package.json's lowercase "name" in development) so dev and packaged builds share one place;
// tests and a second booth profile pass --user-data-dir. Must precede the single-instance lock.
const userDataSwitch = app.commandLine.getSwitchValue('user-data-dir');
app.setPath('userData', userDataSwitch ? resolve(userDataSwitch) : join(app.getPath('appData'), 'GreenPost'));

// Every renderer in an OS sandbox, whatever a window's options say.
app.enableSandbox();

let running: RunningCore | undefined;
/** Where the windows load from: the embedded core, or the station server saved in the settings. */
let source: ScreenSource | undefined;
let booth: BrowserWindow | undefined;
/** The kiosk window; `kioskId` is the built-in kiosk's row (re-read at each load: a restore may change it). */
let kiosk: { win: BrowserWindow; displayId: number; kioskId: number | undefined; load(): void } | undefined;
/** Staff closed the kiosk window (5 taps + an admin PIN): it stays closed until the app restarts. */
let kioskClosedByStaff = false;
/** Set once the app is quitting; until then the kiosk window refuses to close. */
let quitting = false;

const coreOrigin = () => source?.origin;

function focusBooth() {
  if (!booth || booth.isDestroyed()) return;
  if (booth.isMinimized()) booth.restore();
  booth.show();
  booth.focus();
}

function openBooth(core: RunningCore) {
  const win = openHardenedWindow(boothWindowOptions(join(__dirname, 'preload.cjs')), app.isPackaged);
  booth = win;
  win.once('ready-to-show', () => win.show());
  // The booth is the app: closing it is how staff leave, and it takes the kiosk down with it.
  win.on('closed', () => {
    booth = undefined;
    app.quit();
  });
  const from = source!;
  void win.loadURL(from.boothUrl).catch((err: unknown) => {
    core.core.log('error', 'booth failed to load', { url: from.boothUrl, err: String(err) });
    if (from.builtInKiosk) return;
    // The station server is unreachable: work on the embedded core rather than show a dead window.
    dialog.showErrorBox('无法连接站级服务器 / station server unreachable', `${from.boothUrl}\n本次改用本机数据 / using this PC's data this time.`);
    source = screenSource(core.url, '', true);
    void win.loadURL(source.boothUrl);
  });
}

function openKiosk(core: RunningCore, display: Display) {
  const from = source!;
  // The page reads the token from the fragment (never sent to the server), stores it and clears it.
  // A station's kiosk pairs with a code instead: the built-in token exists only in the embedded core.
  // Worked out at each load: after a restore the token is re-checked against the restored database.
  const win = openHardenedWindow(kioskWindowOptions(display.bounds), app.isPackaged);
  const entry: NonNullable<typeof kiosk> = { win, displayId: display.id, kioskId: undefined, load: () => undefined };
  const url = () => {
    if (!from.builtInKiosk) return from.kioskUrl;
    const token = builtInKioskToken(core.core.db, app.getPath('userData'), Date.now());
    entry.kioskId = findKioskByToken(core.core.db, token)?.id;
    return `${from.kioskUrl}#kioskToken=${encodeURIComponent(token)}`;
  };
  const load = () =>
    void win.loadURL(url()).catch((err: unknown) => core.core.log('error', 'kiosk failed to load', { err: String(err) }));
  entry.load = load;
  kiosk = entry;
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
  const riderVault = sealedRiderVault(app.getPath('userData'));
  running = await startCore({
    dataDir: app.getPath('userData'),
    port: 0,
    // No host: the core listens on the bind address saved in 管理 → 设置 (127.0.0.1 by default).
    demo: process.argv.includes('--demo'),
    onKioskExit: closeKioskForStaff,
    // The rider key never sits in the database or a backup (see electron/core/secrets).
    ...(riderVault ? { riderKeyVault: riderVault } : {}),
    webDir: join(appPath, 'dist-web'),
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(appPath, 'resources'),
  });
  // Read once at start, like the bind address: both settings say "takes effect after a restart".
  source = screenSource(running.url, readSettings(running.core.db).stationServerUrl, process.argv.includes('--use-embedded'));
  openBooth(running);
  syncKiosk();
  // A restored database may not know the built-in kiosk's token: reload it so it registers again.
  onDatabaseReplaced(running.core, () => kiosk?.load());
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
