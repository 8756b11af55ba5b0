import { app, session } from 'electron';
import { isSameOrigin } from './guards';

/**
 * Applies to every webContents the app ever creates (booth, kiosk, anything a page might spawn):
 * the only place a GreenPost page may go is the core that served it. Popups, webviews and
 * off-origin navigations are refused, so a crafted link in an escort note leads nowhere.
 */
export function hardenAllWebContents(coreOrigin: () => string | undefined): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => {
      if (!isSameOrigin(event.url, coreOrigin())) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isSameOrigin(event.url, coreOrigin())) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/**
 * The app needs no camera, microphone, location, notifications, MIDI or fullscreen API (the kiosk
 * window is already fullscreen), so every permission request and check is answered no.
 */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
