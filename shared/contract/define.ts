import type { z } from 'zod';

/**
 * Who may send an event. Roles rank officer < chief < admin; a kiosk token only opens kiosk events
 * and an ER screen's token only ER events, a post's ingest credential (on the city server) only `post` events,
 * and `public` events are the three an unauthenticated socket may send (all rate-limited).
 */
export type Access = 'public' | 'kiosk' | 'er' | 'post' | 'officer' | 'chief' | 'admin';

export interface EventDef<Req extends z.ZodType, Reply> {
  request: Req;
  access: Access;
  /** Phantom: carries the reply type; never read at run time. */
  reply?: Reply;
}

/** `event<Reply>()(schema, access)` — curried so the reply type is explicit and the schema inferred. */
export const event =
  <Reply>() =>
  <Req extends z.ZodType>(request: Req, access: Access): EventDef<Req, Reply> => ({ request, access });

export type AnyEventDef = EventDef<z.ZodType, unknown>;
