import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Server } from 'socket.io';
import type { Core, CoreOptions, GreenServer } from './context';
import { lockDataDir } from './data-dir';
import { startIntegrityCheck, type IntegrityCheck } from './db/background-check';
import { openDatabase } from './db/open';
import { seedDemo, type DemoSeeded } from './demo/seed';
import { seedHelmetContent } from './helmet/content';
import { applyStartupSettings } from './startup-settings';
import { startMaintenance } from './data-care/maintenance';
import { createOriginGuard, refuseForeignUpgrades } from './http/origin-guard';
import { createStaticHandler } from './http/static';
import { createUploadHandler, isUploadRequest } from './content/upload';
import { UPLOADS_URL } from '../../shared/contract/upload';
import { NARRATION_URL } from '../../shared/domain/narration';
import { createLogger, type Logger } from './logger';
import { PairingDesk } from './kiosk/pairing';
import { onConnection } from './socket/connection';
import { allHandlers } from './socket/register';
import { createRouter } from './socket/router';
import { readSettings } from './settings-store';
import { settleRiderSecret } from './secrets/rider-secret';
import { admitPosts, openCityRole } from './city/city-role';
import { loadLink } from './city/link-file';
import { startShipper } from './city/shipper';
import { startCityReports } from './city/rider-reports';

export const MAX_MESSAGE_BYTES = 64 * 1024;
/** A city server takes batches of a post's outbox (200 events, ~100 KB). */
export const CITY_MESSAGE_BYTES = 1024 * 1024;

export interface RunningCore {
  core: Core;
  url: string;
  boothUrl: string;
  kioskUrl: string;
  port: number;
  /** The address actually listened on. */
  host: string;
  /** The full integrity_check, running in the background from ready. */
  integrity: IntegrityCheck['done'];
  /** What `--demo` seeded on this start (undefined: not asked, or the data dir already had officers). */
  demoSeeded: DemoSeeded | undefined;
  close(): Promise<void>;
}

const listen = (http: HttpServer, port: number, host: string) =>
  new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });

/**
 * Listens on `--host` if given, else on the saved bind address. A saved LAN address that no longer
 * exists on this PC (a new DHCP lease, a moved booth) must not keep the booth from starting: the
 * core falls back to 127.0.0.1 and says so in the log.
 */
async function listenOn(http: HttpServer, options: CoreOptions, saved: string, log: Logger): Promise<string> {
  if (options.host !== undefined) {
    await listen(http, options.port, options.host);
    return options.host;
  }
  try {
    await listen(http, options.port, saved);
    return saved;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (saved === '127.0.0.1' || (code !== 'EADDRNOTAVAIL' && code !== 'EAFNOSUPPORT')) throw err;
    log('error', 'saved bind address unavailable, listening on 127.0.0.1', { bindAddress: saved, code });
    await listen(http, options.port, '127.0.0.1');
    return '127.0.0.1';
  }
}

/**
 * Starts the GreenPost core: one HTTP server for the built UI, the media files and socket.io, on
 * one port. Electron's main process and `npm run serve` both call this; nothing here knows Electron.
 */
export async function startCore(options: CoreOptions): Promise<RunningCore> {
  const release = lockDataDir(options.dataDir);
  let db;
  try {
    db = openDatabase(join(options.dataDir, 'greenpost.db'), 'deferred');
  } catch (err) {
    release();
    throw err;
  }
  const log = createLogger(options.dataDir, options.quiet);
  const clock = options.clock ?? Date.now;
  const serveStatic = createStaticHandler({
    webDir: options.webDir,
    mounts: {
      '/media/': join(options.resourcesDir, 'videos'),
      [NARRATION_URL]: join(options.resourcesDir, 'narration'),
      [UPLOADS_URL]: join(options.dataDir, 'media'),
    },
  });
  // Uploads need the core (session, audit), which is built on this server: hence the getter.
  const upload = createUploadHandler(() => core);
  // Known once the server listens (port 0 picks one); the guard refuses everything before that.
  const listening: { at?: { host: string; port: number } } = {};
  const guard = createOriginGuard(() => listening.at);
  const refusedFor = new Set<string>();
  /** Another origin or a name that is not this machine: 403 before anything else looks at it. */
  const foreign = (req: IncomingMessage): boolean => {
    const why = guard.refusal(req);
    if (why === undefined) return false;
    core.metrics.foreignRefused++;
    // Once per reason: a page retrying in a loop must not fill the log.
    if (refusedFor.size < 100 && !refusedFor.has(why)) {
      refusedFor.add(why);
      log('warn', 'request from another origin refused', { why, url: req.url });
    }
    return true;
  };
  const http = createServer((req, res) => {
    if (foreign(req)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden: not this core\'s origin');
      return;
    }
    return isUploadRequest(req) ? upload(req, res) : serveStatic(req, res);
  });
  const io: GreenServer = new Server(http, {
    maxHttpBufferSize: options.pgUrl ? CITY_MESSAGE_BYTES : MAX_MESSAGE_BYTES,
    serveClient: false,
    // Same origin only: the UI is served by this server. `cors` alone does not guard the WebSocket
    // upgrade; allowRequest sees every handshake, polling and websocket alike.
    cors: { origin: false },
    allowRequest: (req, answer) => answer(null, !foreign(req)),
  });
  refuseForeignUpgrades(http, foreign);
  const core: Core = { db, io, clock, log, options, metrics: { handlerRuns: 0, refused: 0, foreignRefused: 0 } };
  let host = '127.0.0.1';
  let demoSeeded: DemoSeeded | undefined;
  try {
    // Before anything can key a rider: an old install's key leaves the database here.
    settleRiderSecret(core);
    seedHelmetContent(db, options.resourcesDir, clock());
    if (options.settings) applyStartupSettings(db, options.settings, clock());
    if (options.demo) demoSeeded = await seedDemo(core);
    const desks = { kiosk: new PairingDesk(), er: new PairingDesk() };
    const router = createRouter(core, allHandlers(desks));
    io.use(router.admit);
    if (options.pgUrl) {
      core.city = await openCityRole(options.pgUrl);
      admitPosts(core, io);
    }
    io.on('connection', onConnection(core, desks, router.attach));
    host = await listenOn(http, options, readSettings(db).bindAddress, log);
  } catch (err) {
    io.close();
    void core.city?.pool.end();
    core.db.close();
    release();
    throw err;
  }
  const port = (http.address() as AddressInfo).port;
  listening.at = { host, port };
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : shownHost}:${port}`;
  log('info', 'core started', { url, dataDir: options.dataDir, demo: options.demo });
  // Daily backup, pruning and retention at the time set in 管理 → 设置.
  const maintenance = startMaintenance(core);
  // An enrolled post ships its outbox to the city from now on, in the background.
  const link = core.city ? undefined : loadLink(options.dataDir);
  if (link) core.shipper = startShipper(core, link);
  // An enrolled post (now or after 登记) fetches the city's reports of riders waived at two posts.
  const cityReports = core.city ? undefined : startCityReports(core);
  const integrity = startIntegrityCheck(core);
  let closing: Promise<void> | undefined;
  return {
    core,
    url,
    boothUrl: `${url}/`,
    kioskUrl: `${url}/kiosk`,
    port,
    host,
    integrity: integrity.done,
    demoSeeded,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        maintenance.stop();
        cityReports?.stop();
        void integrity.stop();
        const shipping = core.shipper?.stop();
        io.close(() => {
          // The shipper's loop may be reading the outbox, and PostgreSQL is let go before the database.
          void Promise.allSettled([shipping, core.city?.pool.end()]).then(() => {
            // core.db, not the db opened above: a restore may have replaced it.
            core.db.close();
            release();
            resolve();
          });
        });
        // A kiosk streaming a video holds its HTTP connection open: closing waits for no one.
        http.closeAllConnections();
      })),
  };
}
