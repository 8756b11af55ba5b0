import type { EventName } from '../../../shared/contract/index';
import { authHandlers } from '../auth/handlers';
import { adminHandlers } from '../admin/handlers';
import { dataCareHandlers } from '../data-care/handlers';
import { kioskHandlers } from '../kiosk/handlers';
import type { PairingDesk } from '../kiosk/pairing';
import type { Handlers } from './handlers';

/** Joins every feature's handlers; `satisfies` makes a missing or misspelled event a type error. */
export const allHandlers = (desk: PairingDesk) =>
  ({
    ...authHandlers,
    ...kioskHandlers(desk),
    ...adminHandlers,
    ...dataCareHandlers,
  }) satisfies Handlers<EventName>;
