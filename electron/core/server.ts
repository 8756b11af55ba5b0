import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Server } from 'socket.io';
import type { Core, CoreOptions, GreenServer } from './context';
import { lockDataDir } from './data-dir';
import { openDatabase } from './db/open';
import { seedDemo } from './demo/seed';
import { seedHelmetContent } from './helmet/content';
import { applyStartupSettings } from './startup-settings';
import { createStaticHandler } from './http/static';
import { createLogger } from './logger';
import { PairingDesk } from './kiosk/pairing';
import { onConnection } from './socket/connection';
import { allHandlers } from './socket/register';
import { createRouter } from './socket/router';

export const MAX_MESSAGE_BYTES = 64 * 1024;

export interface RunningCore {
  core: Core;
  url: string;
  boothUrl: string;
  kioskUrl: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the GreenPost core: one HTTP server for the built UI, the media files and socket.io, on
 * one port. Electron's main process and `npm run serve` both call this; nothing here knows Electron.
 */
export async function startCore(options: CoreOptions): Promise<RunningCore> {
  const release = lockDataDir(options.dataDir);
  let db;
  try {
    db = openDatabase(join(options.dataDir, 'greenpost.db'));
  } catch (err) {
    release();
    throw err;
  }
  const log = createLogger(options.dataDir, options.quiet);
  const clock = options.clock ?? Date.now;
  const http = createServer(
    createStaticHandler({ webDir: options.webDir, mounts: { '/media/': join(options.resourcesDir, 'videos') } }),
  );
  const io: GreenServer = new Server(http, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
    // Same origin only: the UI is served by this server.
    cors: { origin: false },
  });
  const core: Core = { db, io, clock, log, options, metrics: { handlerRuns: 0, refused: 0 } };
  try {
    seedHelmetContent(db, options.resourcesDir, clock());
    if (options.settings) applyStartupSettings(db, options.settings, clock());
    if (options.demo) await seedDemo(core);
    const desk = new PairingDesk();
    const router = createRouter(core, allHandlers(desk));
    io.use(router.admit);
    io.on('connection', onConnection(core, desk, router.attach));
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port, options.host, () => resolve());
    });
  } catch (err) {
    io.close();
    db.close();
    release();
    throw err;
  }
  const port = (http.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${port}`;
  log('info', 'core started', { url, dataDir: options.dataDir, demo: options.demo });
  let closing: Promise<void> | undefined;
  return {
    core,
    url,
    boothUrl: `${url}/`,
    kioskUrl: `${url}/kiosk`,
    port,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        io.close(() => {
          db.close();
          release();
          resolve();
        });
      })),
  };
}
