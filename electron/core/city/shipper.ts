import { io, type Socket } from 'socket.io-client';
import type { Ack, LinkState, ReplyOf, RequestOf } from '../../../shared/contract/index';
import { MAX_BATCH_EVENTS } from '../../../shared/contract/city-events';
import { rooms, type Core } from '../context';
import { stmt } from '../db/statements';
import { readSettings } from '../settings-store';
import type { CityLink } from './link-file';
import { outboxAfter, outboxHead } from './outbox';

export const ACKED_KEY = 'city_acked_seq';
/** How often an idle shipper looks for new events: the city sees a write within about this. */
export const IDLE_POLL_MS = 200;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 60_000;
const CALL_TIMEOUT_MS = 10_000;

/** Full jitter: a random wait up to the doubled step, so posts back online together do not arrive together. */
export const backoffMs = (failures: number, random: () => number = Math.random) =>
  Math.round(random() * Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** failures));

export const ackedSeq = (core: Core): number =>
  Number(stmt<{ value: string }>(core.db, 'SELECT value FROM settings WHERE key = ?').get(ACKED_KEY)?.value ?? 0);

export interface Shipper {
  state(): LinkState;
  /** Ship now rather than at the next poll. */
  nudge(): void;
  /**
   * One request to the city on the shipping socket (the rider check, the reports). Refused at once
   * when the socket is not connected, so a booth never waits on a link known to be down.
   */
  ask<E extends 'city:riderCheck' | 'city:riderReports'>(event: E, request: RequestOf<E>, timeoutMs: number): Promise<Ack<ReplyOf<E>>>;
  stop(): Promise<void>;
}

/**
 * The background loop that takes this post's outbox to the city: batches after the last acknowledged
 * seq, one at a time; the city's answer (its highest gap-free seq) is the only thing that moves the
 * mark, so a batch lost on the wire is simply sent again. It never holds a transaction and never
 * blocks a booth write: each step is one indexed read of at most 200 rows, then the network.
 */
export function startShipper(core: Core, link: CityLink): Shipper {
  const socket: Socket = io(link.cityUrl, {
    auth: { postCredential: link.credential },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 5_000,
  });
  let stopped = false;
  let status: 'synced' | 'pending' | 'offline' | 'refused' = 'pending';
  let offlineSince: number | null = null;
  let lastReached: number | null = null;
  let message: string | null = null;
  let failures = 0;
  let wake: (() => void) | undefined;
  let lastPushed = '';

  const state = (): LinkState => ({
    enrolled: true,
    cityUrl: link.cityUrl,
    postId: link.postId,
    postName: link.postName,
    status,
    pending: Math.max(0, outboxHead(core.db).seq - ackedSeq(core)),
    offlineSince,
    message,
  });
  const announce = () => {
    const s = state();
    const key = JSON.stringify(s);
    if (key === lastPushed) return;
    lastPushed = key;
    core.io.to(rooms.officers).emit('link:state', s);
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  const connected = () =>
    socket.connected
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const ok = () => (socket.off('connect_error', bad), resolve());
          const bad = (err: Error) => (socket.off('connect', ok), reject(err));
          socket.once('connect', ok);
          socket.once('connect_error', bad);
          socket.connect();
        });

  const failed = (why: string, refused = false) => {
    if (refused) status = 'refused';
    else {
      status = 'offline';
      offlineSince ??= lastReached ?? core.clock();
    }
    message = why;
    failures++;
    announce();
  };

  async function loop() {
    while (!stopped) {
      try {
        await connected();
        const events = outboxAfter(core.db, ackedSeq(core), MAX_BATCH_EVENTS);
        if (!events.length) {
          [status, offlineSince, message, failures, lastReached] = ['synced', null, null, 0, core.clock()];
          announce();
          await sleep(IDLE_POLL_MS);
          continue;
        }
        status = 'pending';
        const reply = (await socket
          .timeout(CALL_TIMEOUT_MS)
          .emitWithAck('city:ingest', { timeZone: readSettings(core.db).timeZone, events })) as Ack<{ ackedSeq: number }>;
        lastReached = core.clock();
        if (!reply.ok) {
          failed(reply.error.message, true);
          core.log('warn', 'city refused a batch', { code: reply.error.code, message: reply.error.message, from: events[0]!.seq });
          await sleep(backoffMs(failures + 6));
          continue;
        }
        stmt(core.db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
          ACKED_KEY,
          String(reply.value.ackedSeq),
        );
        [offlineSince, message, failures] = [null, null, 0];
        announce();
      } catch (err) {
        if (stopped) break;
        failed(`无法连接市级服务器：${err instanceof Error ? err.message : String(err)}`);
        await sleep(backoffMs(failures));
      }
    }
  }
  const running = loop();
  return {
    state,
    nudge: () => wake?.(),
    ask: (event, request, timeoutMs) =>
      socket.connected ? socket.timeout(timeoutMs).emitWithAck(event, request) : Promise.reject(new Error('未连接市级服务器')),
    async stop() {
      stopped = true;
      wake?.();
      socket.close();
      await running;
    },
  };
}
