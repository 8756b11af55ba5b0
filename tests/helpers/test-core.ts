import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServer, EventName, ReplyOf, RequestOf, ServerPushes } from '../../shared/contract/index';
import type { CoreOptions } from '../../electron/core/context';
import { startCore, type RunningCore } from '../../electron/core/server';

export const root = resolve(import.meta.dirname, '../..');

export const tempDataDir = (label = 'core') => mkdtempSync(join(tmpdir(), `greenpost-${label}-`));

export interface TestCore extends RunningCore {
  dataDir: string;
  /** Stops the core and removes its data dir. */
  dispose(): Promise<void>;
}

/** The real core on a temp data dir and a free port; every test gets its own. */
export async function startTestCore(options: Partial<CoreOptions> = {}): Promise<TestCore> {
  const dataDir = options.dataDir ?? tempDataDir();
  const running = await startCore({
    port: 0,
    host: '127.0.0.1',
    demo: false,
    // Demo accounts without years of history, unless a test asks for it.
    demoYears: 0,
    // Integration tests run before the UI is built: a fixture stands in for dist-web.
    webDir: join(root, 'tests', 'fixtures', 'web'),
    resourcesDir: join(root, 'resources'),
    quiet: true,
    ...options,
    dataDir,
  });
  return {
    ...running,
    dataDir,
    async dispose() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestSocket = Socket<ServerPushes, ClientToServer>;

export interface TestClient {
  socket: TestSocket;
  hello: Parameters<ServerPushes['core:hello']>[0];
  send<E extends EventName>(name: E, payload: RequestOf<E>): Promise<Ack<ReplyOf<E>>>;
  /** Any event name and payload, for abuse tests. */
  raw(name: string, ...args: unknown[]): Promise<unknown>;
  next<P extends keyof ServerPushes>(name: P, timeoutMs?: number): Promise<Parameters<ServerPushes[P]>>;
  close(): void;
}

/** A real socket.io client, connected and greeted (resolves after `core:hello`). */
export async function connectClient(url: string, auth: Record<string, string> = {}): Promise<TestClient> {
  const socket: TestSocket = io(url, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
  const hello = await new Promise<TestClient['hello']>((resolve, reject) => {
    socket.once('core:hello', resolve);
    socket.once('connect_error', reject);
  });
  const client: TestClient = {
    socket,
    hello,
    send: (name, payload) => (socket.timeout(10_000).emitWithAck as (...a: unknown[]) => Promise<never>)(name, payload),
    raw: (name, ...args) =>
      (socket.timeout(10_000).emitWithAck as (...a: unknown[]) => Promise<unknown>)(name, ...args),
    next: (name, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${name} within ${timeoutMs} ms`)), timeoutMs);
        socket.once(name, ((...args: never[]) => {
          clearTimeout(timer);
          resolve(args as never);
        }) as never);
      }),
    close: () => void socket.close(),
  };
  return client;
}

/** Logs in through the real protocol and returns a client connected with the session token. */
export async function officerClient(url: string, badge: string, pin: string): Promise<TestClient & { token: string }> {
  const anon = await connectClient(url);
  const reply = await anon.send('auth:login', { badge, pin });
  anon.close();
  if (!reply.ok) throw new Error(`login ${badge} failed: ${reply.error.message}`);
  const client = await connectClient(url, { token: reply.value.token });
  return Object.assign(client, { token: reply.value.token });
}

export function expectOk<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return ack.value;
}
