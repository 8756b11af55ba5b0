import type { z } from 'zod';
import { roleAtLeast } from '../../../shared/domain/roles';
import {
  clientEvents,
  fail,
  isEventName,
  ok,
  type Ack,
  type Access,
  type EventName,
  type Principal,
} from '../../../shared/contract/index';
import { actorOf, type Core, type GreenSocket, type RateLimits } from '../context';
import { DomainError, storageMessage } from '../errors';
import { hashToken } from '../identity/sessions';
import type { Handler, Handlers } from './handlers';
import { KeyedBuckets, TokenBucket } from './rate-limit';

export const defaultLimits: RateLimits = {
  eventsPerSecond: 30,
  eventBurst: 60,
  publicPerMinute: 20,
  publicBurst: 20,
};

/** How long a socket cut off for flooding may not reconnect. */
export const FLOOD_BAN_MS = 30_000;

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('；');
}

function accessError(access: Access, principal: Principal): Ack<never> | undefined {
  if (access === 'public') return undefined;
  if (principal.kind === 'anonymous') return fail('UNAUTHENTICATED', '请先登录或配对 / not signed in');
  if (access === 'kiosk') return principal.kind === 'kiosk' ? undefined : fail('FORBIDDEN', '仅教育屏可用此功能');
  if (access === 'er') return principal.kind === 'er' ? undefined : fail('FORBIDDEN', '仅急诊预警屏可用此功能');
  if (access === 'post') return principal.kind === 'post' ? undefined : fail('FORBIDDEN', '仅已登记的岗位可上传数据');
  if (principal.kind === 'post') return fail('FORBIDDEN', '岗位上传凭证无权执行此操作');
  if (principal.kind === 'kiosk') return fail('FORBIDDEN', '教育屏无权执行此操作');
  if (principal.kind !== 'officer') return fail('FORBIDDEN', '急诊预警屏无权执行此操作');
  return roleAtLeast(principal.officer.role, access) ? undefined : fail('FORBIDDEN', '权限不足');
}

/**
 * The one gate every socket event passes: known name → rate limit → access → schema → handler.
 * Nothing reaches a handler unvalidated, and nothing a client sends can throw past this function.
 */
export function createRouter(core: Core, handlers: Handlers<EventName>) {
  const limits = { ...defaultLimits, ...core.options.limits };
  const publicBuckets = new KeyedBuckets(limits.publicBurst, limits.publicPerMinute / 60_000);

  async function dispatch(socket: GreenSocket, bucket: TokenBucket, name: string, payload: unknown): Promise<Ack<unknown>> {
    const now = core.clock();
    if (!isEventName(name)) return fail('NOT_FOUND', `未知事件 / unknown event: ${clip(name)}`);
    if (!bucket.take(now)) return fail('RATE_LIMITED', '操作过于频繁，请稍后再试');
    const def = clientEvents[name];
    if (def.access === 'public' && !publicBuckets.take(socket.data.address, now))
      return fail('RATE_LIMITED', '尝试次数过多，请一分钟后再试');
    const { principal } = socket.data;
    if (principal.kind === 'officer' && (socket.data.sessionExpiresAt ?? 0) <= now) {
      socket.data.principal = { kind: 'anonymous' };
      socket.emit('session:ended', { reason: 'expired' });
      return fail('UNAUTHENTICATED', '登录已过期，请重新登录');
    }
    const denied = accessError(def.access, principal);
    if (denied) return denied;
    const parsed = def.request.safeParse(payload);
    if (!parsed.success) return fail('VALIDATION', describeIssues(parsed.error));
    const handler = handlers[name] as Handler<EventName>;
    core.metrics.handlerRuns++;
    try {
      return ok(await handler(parsed.data as never, { core, socket }));
    } catch (err) {
      if (err instanceof DomainError) return fail(err.code, err.message, err.details);
      const storage = storageMessage(err);
      core.log('error', 'handler failed', {
        event: name,
        actor: actorOf(socket.data.principal),
        error: err instanceof Error ? err.message : String(err),
      });
      return fail('INTERNAL', storage ?? '内部错误，操作未完成 / internal error, nothing was changed');
    }
  }

  // Who was cut off for flooding, and until when: a flooder that reconnects is turned away at the
  // handshake, where refusing costs the core almost nothing.
  const banned = new Map<string, number>();
  const banKey = (socket: GreenSocket): string => {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    if (typeof auth.token === 'string') return `session:${hashToken(auth.token)}`;
    if (typeof auth.kioskToken === 'string') return `kiosk:${hashToken(auth.kioskToken)}`;
    if (typeof auth.erToken === 'string') return `er:${hashToken(auth.erToken)}`;
    return `address:${socket.handshake.address}`;
  };

  function admit(socket: GreenSocket, next: (err?: Error) => void) {
    const until = banned.get(banKey(socket));
    if (until !== undefined && until > core.clock()) return next(new Error('RATE_LIMITED'));
    if (until !== undefined) banned.delete(banKey(socket));
    next();
  }

  function attach(socket: GreenSocket) {
    const bucket = new TokenBucket(limits.eventBurst, limits.eventsPerSecond / 1000, core.clock());
    // A client that keeps sending after being told RATE_LIMITED is flooding: answering each event
    // still costs the core, so more than a burst's worth of refusals within ten seconds disconnects it.
    let windowStart = core.clock();
    let refusedInWindow = 0;
    // onAny sees every event, known or not, so one listener answers them all.
    socket.onAny((name: unknown, ...args: unknown[]) => {
      const ack = args.at(-1);
      if (typeof ack !== 'function') return; // nobody to answer: do nothing at all
      const payload = args.length > 1 ? args[0] : undefined;
      void dispatch(socket, bucket, typeof name === 'string' ? name : String(name), payload).then((reply) => {
        try {
          (ack as (r: Ack<unknown>) => void)(reply);
        } catch {
          // The socket may be gone; the write (if any) stands.
        }
        if (reply.ok) return;
        core.metrics.refused++;
        if (reply.error.code !== 'RATE_LIMITED') return;
        const now = core.clock();
        if (now - windowStart > 10_000) [windowStart, refusedInWindow] = [now, 0];
        if (++refusedInWindow > limits.eventBurst && socket.connected) {
          core.log('warn', 'flooding socket disconnected', { actor: actorOf(socket.data.principal), address: socket.data.address });
          banned.set(banKey(socket), now + FLOOD_BAN_MS);
          socket.disconnect(true);
        }
      });
    });
  }

  return { admit, attach };
}
