import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

export const BOOTH_TITLE = 'GreenPost 绿岗';

/**
 * The renderer is a web page served by our own core; it gets no Node, no webviews and no way to
 * weaken the same-origin policy. Native capabilities arrive only through the preload allowlist.
 */
export function hardenedWebPreferences(isPackaged: boolean, preloadPath?: string): WebPreferences {
  return {
    ...(preloadPath ? { preload: preloadPath } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // Offline booth: no dictionary download, and no red squiggles under plates and badge numbers.
    spellcheck: false,
    // Dropping a file on the window must not navigate away from the app.
    navigateOnDragDrop: false,
    devTools: !isPackaged,
  };
}

/** The officers' console: an ordinary resizable window on the primary display. */
export function boothWindowOptions(preloadPath: string, isPackaged: boolean): BrowserWindowConstructorOptions {
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
    webPreferences: hardenedWebPreferences(isPackaged, preloadPath),
  };
}

/**
 * The rider-facing education screen, filling the second display. It has no preload on purpose: the
 * kiosk needs nothing native (no print, no save dialog), so it gets no `window.greenpost` at all.
 */
export function kioskWindowOptions(display: Rectangle, isPackaged: boolean): BrowserWindowConstructorOptions {
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
      ...hardenedWebPreferences(isPackaged),
      // A kiosk restarted mid-video resumes playback with no rider gesture to unlock audio.
      autoplayPolicy: 'no-user-gesture-required',
      // A sleepy rider's stray alert() must not freeze the screen for the next one.
      disableDialogs: true,
    },
  };
}
