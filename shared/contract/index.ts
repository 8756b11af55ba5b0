import type { z } from 'zod';
import type { Ack } from './result';
import type { EventDef } from './define';
import { authEvents } from './auth';
import { kioskEvents } from './kiosk';
import { escortEvents } from './escorts';
import { advisoryEvents } from './advisories';
import { reportsEvents } from './reports';
import { helmetEvents } from './helmet';
import { kioskStaffEvents } from './kiosk-staff';
import { adminEvents } from './admin';
import { dataCareEvents } from './data-care';
import { contentEvents } from './content';
import { erEvents } from './er';
import { handoverEvents } from './handover';
import { cityEvents } from './city';
import { cityRiderEvents } from './city-riders';
import { cityDashboardEvents } from './city-dashboard';

export * from './result';
export * from './define';
export * from './auth';
export * from './kiosk';
export * from './pushes';
export * from './escorts';
export * from './advisories';
export * from './reports';
export * from './helmet';
export * from './kiosk-staff';
export * from './admin';
export * from './data-care';
export * from './content';
export * from './er';
export * from './handover';
export * from './city';
export * from './city-events';
export * from './city-riders';
export * from './city-dashboard';

/** Every client → core event, joined from the features. One name, one schema, one reply type. */
export const clientEvents = {
  ...authEvents,
  ...kioskEvents,
  ...escortEvents,
  ...advisoryEvents,
  ...reportsEvents,
  ...helmetEvents,
  ...kioskStaffEvents,
  ...adminEvents,
  ...dataCareEvents,
  ...contentEvents,
  ...erEvents,
  ...handoverEvents,
  ...cityEvents,
  ...cityRiderEvents,
  ...cityDashboardEvents,
};

export type ClientEvents = typeof clientEvents;
export type EventName = keyof ClientEvents;
export type RequestOf<E extends EventName> = ClientEvents[E] extends EventDef<infer R, unknown> ? z.input<R> : never;
export type ParsedRequestOf<E extends EventName> =
  ClientEvents[E] extends EventDef<infer R, unknown> ? z.output<R> : never;
export type ReplyOf<E extends EventName> = ClientEvents[E] extends EventDef<z.ZodType, infer P> ? P : never;

export const isEventName = (name: string): name is EventName => Object.hasOwn(clientEvents, name);

/** The socket.io typing of the client → core direction (payload + ack callback). */
export type ClientToServer = {
  [E in EventName]: (payload: RequestOf<E>, ack: (reply: Ack<ReplyOf<E>>) => void) => void;
};
