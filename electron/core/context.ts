import type { Server, Socket } from 'socket.io';
import type { ClientToServer, Principal, ServerPushes } from '../../shared/contract/index';
import type { Db } from './db/open';
import type { Logger } from './logger';
import type { SecretVault } from './secrets/vault';
import type { CityRole } from './city/city-role';
import type { Shipper } from './city/shipper';

export interface SocketData {
  principal: Principal;
  /** sha256 of the officer session token, to end every socket of a session at logout. */
  sessionHash?: string;
  sessionExpiresAt?: number;
  address: string;
  /** On the city server: the post whose ingest credential the handshake carried. */
  postId?: number;
}

export type GreenServer = Server<ClientToServer, ServerPushes, Record<string, never>, SocketData>;
export type GreenSocket = Socket<ClientToServer, ServerPushes, Record<string, never>, SocketData>;

export interface CoreOptions {
  dataDir: string;
  port: number;
  /** Address to listen on; when absent, the `bindAddress` setting (127.0.0.1 by default). */
  host?: string;
  demo: boolean;
  /** Years of demo history `--demo` adds (default 5); 0 seeds the demo accounts only, as most tests want. */
  demoYears?: number;
  /** Built renderer (vite output). */
  webDir: string;
  /** Videos, captions, quiz bank. */
  resourcesDir: string;
  /** Frozen clocks in tests; Date.now otherwise. */
  clock?: () => number;
  quiet?: boolean;
  /** Rate limits, overridable for load tests; defaults protect a booth. */
  limits?: Partial<RateLimits>;
  /** Fixed randomness in tests (attention-prompt moments, quiz draws); Math.random otherwise. */
  random?: () => number;
  /** Settings written at start (validated and audited), e.g. `npm run serve -- --setting kioskIdleSeconds=5`. */
  settings?: Record<string, unknown>;
  /** Where the rider key is kept: Electron passes its safeStorage vault; headless, a key file. */
  riderKeyVault?: SecretVault;
  /** The headless key file (`--key-file`); default `rider-key` beside the database. */
  riderKeyFile?: string;
  /** The city role (`npm run serve:city -- --pg <url>`): the PostgreSQL every post ships to. */
  pgUrl?: string;
  /** Set by Electron main: staff passed a kiosk's exit check; true when it had that kiosk's window to close. */
  onKioskExit?: (kioskId: number) => boolean;
}

export interface RateLimits {
  /** Events per second a socket may sustain, and its burst. */
  eventsPerSecond: number;
  eventBurst: number;
  /** Unauthenticated events (login, setup, pairing code) per address per minute, and burst. */
  publicPerMinute: number;
  publicBurst: number;
}

export interface CoreMetrics {
  /** Handlers actually invoked (after every check passed); abuse tests assert refusals run none. */
  handlerRuns: number;
  refused: number;
  /** HTTP requests and socket handshakes refused for a foreign Origin or Host (403). */
  foreignRefused: number;
}

export interface Core {
  db: Db;
  metrics: CoreMetrics;
  io: GreenServer;
  clock: () => number;
  log: Logger;
  options: CoreOptions;
  /** On the city server only. */
  city?: CityRole;
  /** On an enrolled post: the loop shipping its outbox to the city. */
  shipper?: Shipper;
}

export const rooms = {
  officers: 'officers',
  kiosks: 'kiosks',
  kiosk: (id: number) => `kiosk:${id}`,
  er: 'er',
  erScreen: (id: number) => `er:${id}`,
  session: (hash: string) => `session:${hash}`,
};

export const actorOf = (p: Principal): string =>
  p.kind === 'officer'
    ? `officer:${p.officer.badge}`
    : p.kind === 'kiosk'
      ? `kiosk:${p.kiosk.id}`
      : p.kind === 'er'
        ? `er:${p.screen.id}`
        : p.kind === 'post'
          ? `post:${p.postId}`
          : 'anonymous';
