import type { EventName } from '../../../shared/contract/index';
import { authHandlers } from '../auth/handlers';
import { helmetHandlers } from '../helmet/handlers';
import { adminHandlers } from '../admin/handlers';
import { dataCareHandlers } from '../data-care/handlers';
import { kioskHandlers } from '../kiosk/handlers';
import { escortHandlers } from '../escorts/handlers';
import { advisoryHandlers } from '../advisories/handlers';
import type { PairingDesk } from '../kiosk/pairing';
import { erHandlers } from '../er/handlers';
import { reportsHandlers } from '../reports/handlers';
import { kioskStaffHandlers } from '../kiosk/staff-exit';
import { contentHandlers } from '../content/handlers';
import { handoverHandlers } from '../handover/handlers';
import type { Handlers } from './handlers';
import { cityHandlers } from '../city/handlers';
import { riderCheckHandlers } from '../city/rider-check';
import { cityDashboardHandlers } from '../city/dashboard-handlers';

/** One-time pairing codes: kiosks and ER screens each have their own desk, so a code pairs only its kind. */
export interface PairingDesks {
  kiosk: PairingDesk;
  er: PairingDesk;
}

/** Joins every feature's handlers; `satisfies` makes a missing or misspelled event a type error. */
export const allHandlers = (desks: PairingDesks) =>
  ({
    ...authHandlers,
    ...kioskHandlers(desks.kiosk),
    ...escortHandlers,
    ...advisoryHandlers,
    ...reportsHandlers,
    ...helmetHandlers,
    ...kioskStaffHandlers,
    ...adminHandlers,
    ...dataCareHandlers,
    ...contentHandlers,
    ...erHandlers(desks.er),
    ...handoverHandlers,
    ...cityHandlers,
    ...riderCheckHandlers,
    ...cityDashboardHandlers,
  }) satisfies Handlers<EventName>;
