// Types only: this module is loaded by unit tests, where the Electron runtime does not exist.
import type { BrowserWindow, Input, PowerSaveBlocker } from 'electron';

type KeyInput = Pick<Input, 'key' | 'code' | 'control' | 'meta' | 'alt' | 'shift'>;

/** Reload, leave fullscreen, devtools: keys that act on the browser itself, not the page. */
const BARE_KEYS = new Set(['F5', 'F11', 'F12']);
/** Media-keyboard keys (BrowserBack, BrowserRefresh, BrowserHome…) all act on navigation. */
const isBrowserKey = (input: KeyInput) => input.key.startsWith('Browser') || input.code.startsWith('Browser');
/** With Ctrl/Cmd: reload, close, quit, print, new window, find, view source. */
const MOD_LETTERS = new Set(['r', 'w', 'q', 'p', 'n', 't', 'o', 's', 'f', 'u']);
/** With Ctrl/Cmd: zoom in/out/reset, main row and keypad. */
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0']);
const ZOOM_CODES = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0']);
/** With Ctrl/Cmd+Shift (or Cmd+Alt on macOS): devtools, console, inspector. */
const DEVTOOLS_LETTERS = new Set(['i', 'j', 'c']);

const letterOf = (input: KeyInput): string =>
  // `code` is layout-independent (a Chinese IME or AZERTY still reports KeyR); `key` covers the rest.
  input.code.startsWith('Key') ? input.code.slice(3).toLowerCase() : input.key.toLowerCase();

/**
 * Whether a key press on the kiosk must be swallowed. Pure so it is unit-tested; the kiosk has no
 * keyboard in normal use, but a USB keyboard plugged in by a curious rider must not reload, close,
 * zoom, navigate back or open devtools. Typing, arrows, Tab, Enter, Escape and copy/paste pass.
 */
export function isSuppressedKioskInput(input: KeyInput): boolean {
  const mod = input.control || input.meta;
  if (BARE_KEYS.has(input.key) || isBrowserKey(input)) return true;
  if (
    input.alt &&
    (input.key === 'F4' || input.key === 'ArrowLeft' || input.key === 'ArrowRight' || input.key === 'Home')
  ) {
    return true;
  }
  if (!mod) return false;
  const letter = letterOf(input);
  if ((input.shift || input.alt) && DEVTOOLS_LETTERS.has(letter)) return true;
  if (MOD_LETTERS.has(letter)) return true;
  return ZOOM_KEYS.has(input.key) || ZOOM_CODES.has(input.code);
}

export interface KioskLockdownOptions {
  isPackaged: boolean;
  /** True once staff have chosen to quit the app; until then the kiosk refuses to close. */
  mayClose: () => boolean;
  /** Reloads the kiosk page after a renderer crash, so the screen never stays blank. */
  recover: () => void;
  /** Electron's powerSaveBlocker, passed in so this file needs no Electron runtime. */
  powerSaveBlocker: PowerSaveBlocker;
}

/** Turns an ordinary BrowserWindow into a screen a rider can touch but not escape. */
export function lockDownKiosk(win: BrowserWindow, options: KioskLockdownOptions): void {
  const wc = win.webContents;
  win.removeMenu();
  wc.on('before-input-event', (event, input) => {
    if (isSuppressedKioskInput(input)) event.preventDefault();
  });
  // Pinch zoom and Ctrl+wheel are pointer gestures, invisible to before-input-event.
  const resetZoom = () => {
    wc.setZoomLevel(0);
    void wc.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  };
  wc.on('did-finish-load', resetZoom);
  wc.on('zoom-changed', resetZoom);
  if (options.isPackaged) wc.on('devtools-opened', () => wc.closeDevTools());
  win.on('close', (event) => {
    if (!options.mayClose()) event.preventDefault();
  });
  // Alt+Tab or a display change can drop fullscreen; the kiosk puts it straight back.
  win.on('leave-full-screen', () => {
    if (!options.mayClose()) win.setFullScreen(true);
  });
  let crashes = 0;
  wc.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || options.mayClose()) return;
    // Back off if the page keeps crashing, rather than spinning the CPU of the booth PC.
    const delay = Math.min(30_000, 1000 * 2 ** crashes++);
    setTimeout(() => {
      if (!win.isDestroyed()) options.recover();
    }, delay);
  });
  wc.on('did-finish-load', () => {
    crashes = 0;
  });
  // A rider watching a ten-minute video must not see the screen blank halfway through.
  const { powerSaveBlocker } = options;
  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  win.on('closed', () => {
    if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
  });
}
