import { io, type Socket } from 'socket.io-client';
import { fail } from '../../../shared/contract/result';
import type { Ack, ClientToServer, EventName, ReplyOf, RequestOf, ServerPushes } from '../../../shared/contract/index';

export type Hello = Parameters<ServerPushes['core:hello']>[0];
export type GreenClientSocket = Socket<ServerPushes, ClientToServer>;

export interface ConnectionState {
  connected: boolean;
  hello: Hello | undefined;
}

export type AuthSource = () => Record<string, string>;

/**
 * The renderer's one link to the core. `send` infers the request and reply types from the event name;
 * `on` infers a push's payload the same way. A dropped connection is retried for ever; each reconnect
 * brings a fresh `core:hello`, which is how screens learn to resync.
 */
export class Connection {
  readonly socket: GreenClientSocket;
  private state: ConnectionState = { connected: false, hello: undefined };
  private readonly listeners = new Set<() => void>();

  constructor(auth: AuthSource, url?: string) {
    const options = {
      autoConnect: false,
      transports: ['websocket'],
      auth: (cb: (data: object) => void) => cb(auth()),
    };
    this.socket = url ? io(url, options) : io(options);
    this.socket.on('connect', () => this.set({ connected: true }));
    this.socket.on('disconnect', () => this.set({ connected: false }));
    this.socket.on('core:hello', (hello) => this.set({ hello }));
    // A renamed post or a new time zone shows at once everywhere; screens that need other settings read them themselves.
    this.socket.on('settings:changed', ({ postName, timeZone }) => {
      const { hello } = this.state;
      if (hello && (hello.postName !== postName || hello.timeZone !== timeZone))
        this.set({ hello: { ...hello, postName, timeZone } });
    });
  }

  connect() {
    this.socket.connect();
    return this;
  }

  /** Reconnects so the core re-reads `auth` (after login, logout or pairing). */
  reconnect() {
    this.set({ hello: undefined });
    this.socket.disconnect().connect();
  }

  async send<E extends EventName>(name: E, payload: RequestOf<E>, timeoutMs = 15_000): Promise<Ack<ReplyOf<E>>> {
    if (!this.socket.connected) return fail('INTERNAL', '未连接到服务，请稍候重试 / not connected');
    try {
      const emit = this.socket.timeout(timeoutMs).emitWithAck as unknown as (
        n: E,
        p: RequestOf<E>,
      ) => Promise<Ack<ReplyOf<E>>>;
      return await emit.call(this.socket.timeout(timeoutMs), name, payload);
    } catch {
      return fail('INTERNAL', '服务无响应，请重试 / no reply from the core');
    }
  }

  on<P extends keyof ServerPushes>(name: P, listener: ServerPushes[P]): () => void {
    this.socket.on(name, listener as never);
    return () => void this.socket.off(name, listener as never);
  }

  getState = (): ConnectionState => this.state;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private set(patch: Partial<ConnectionState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
