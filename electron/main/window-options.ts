import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

export const BOOTH_TITLE = 'GreenPost 绿岗';

/** What a window may choose for itself: its frame, and only the web preferences that carry no risk. */
export type WindowOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'> & {
  webPreferences?: Pick<WebPreferences, 'preload' | 'autoplayPolicy' | 'disableDialogs'>;
};

/**
 * The one place a GreenPost window is created. The renderer is a web page served by our own core;
 * it gets no Node, no webviews and no way to weaken the same-origin policy. Native capabilities
 * arrive only through the preload allowlist. The hardening is an object literal written here, at
 * the `new BrowserWindow` call, so that a reviewer and a scanner (Electronegativity) read it where
 * it takes effect; it comes after the window's own preferences, so none of them can override it.
 */
export function openHardenedWindow(options: WindowOptions, isPackaged: boolean): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A middle click opens links through a path of its own (auxclick); nothing in the app needs it.
      disableBlinkFeatures: 'Auxclick',
      // Offline booth: no dictionary download, and no red squiggles under plates and badge numbers.
      spellcheck: false,
      // Dropping a file on the window must not navigate away from the app.
      navigateOnDragDrop: false,
      devTools: !isPackaged,
    },
  });
}

/** The officers' console: an ordinary resizable window on the primary display. */
export function boothWindowOptions(preloadPath: string): WindowOptions {
  return {
    title: BOOTH_TITLE,
    width: 1366,
    height: 768,
    // Below this the escort board's columns no longer fit beside the timer list.
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: { preload: preloadPath },
  };
}

/**
 * The rider-facing education screen, filling the second display. It has no preload on purpose: the
 * kiosk needs nothing native (no print, no save dialog), so it gets no `window.greenpost` at all.
 */
export function kioskWindowOptions(display: Rectangle): WindowOptions {
  return {
    title: `${BOOTH_TITLE} · 教育屏`,
    x: display.x,
    y: display.y,
    width: display.width,
    height: display.height,
    fullscreen: true,
    kiosk: true,
    frame: false,
    autoHideMenuBar: true,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: true,
    skipTaskbar: true,
    show: false,
    backgroundColor: '#000000',
    webPreferences: {
      // A kiosk restarted mid-video resumes playback with no rider gesture to unlock audio.
      autoplayPolicy: 'no-user-gesture-required',
      // A sleepy rider's stray alert() must not freeze the screen for the next one.
      disableDialogs: true,
    },
  };
}
