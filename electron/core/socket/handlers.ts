import type { EventName, ParsedRequestOf, ReplyOf } from '../../../shared/contract/index';
import type { Core, GreenSocket } from '../context';

export interface HandlerContext {
  core: Core;
  socket: GreenSocket;
}

export type Handler<E extends EventName> = (
  request: ParsedRequestOf<E>,
  ctx: HandlerContext,
) => ReplyOf<E> | Promise<ReplyOf<E>>;

/** Each feature declares `Handlers<'its:event' | ...>`; `electron/core/socket/register.ts` joins them. */
export type Handlers<E extends EventName> = { [K in E]: Handler<K> };
