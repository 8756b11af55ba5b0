import type { Officer } from './auth';
import type { KioskInfo } from './kiosk';
import type { EscortCounters, EscortView } from './escorts';
import type { AdvisoryTally } from './advisories';
import type { HelmetStop, KioskSession } from './helmet';
import type { OfficerAccount } from './admin';
import type { CareProgress } from './data-care';
import type { Settings } from '../domain/settings';
import type { ContentOverview } from './content';
import type { ErEscort, ErScreenInfo } from './er';
import type { LinkState } from './city';
import type { CityRiderReport } from './city-riders';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'officer'; officer: Officer }
  | { kind: 'kiosk'; kiosk: KioskInfo }
  | { kind: 'er'; screen: ErScreenInfo }
  /** On the city server: a post shipping with its credential. */
  | { kind: 'post'; postId: number };

/**
 * Core → client pushes. Each feature adds its own entries here, so the renderer's `on`
 * infers the payload from the name just as `send` does for requests.
 */
export interface ServerPushes {
  /** Sent once on every (re)connection: who the core thinks this socket is. */
  /** `timeZone`: the post's, in which every screen cuts days and shows times. `city`: this is the city server. */
  'core:hello': (hello: {
    needsSetup: boolean;
    postName: string;
    timeZone: string;
    demo: boolean;
    city: boolean;
    principal: Principal;
  }) => void;
  /** To an unpaired kiosk screen whose code an officer just entered. */
  'kiosk:paired': (grant: { token: string; kiosk: KioskInfo }) => void;
  /** To a kiosk whose pairing was revoked. */
  'kiosk:unpaired': () => void;
  /** To officers: the kiosks and whether each is connected. */
  'kiosk:status': (kiosks: KioskInfo[]) => void;
  /** The socket's session ended (logout elsewhere, officer deactivated, expiry). */
  'session:ended': (reason: { reason: string }) => void;
  /** To officers: an escort was created, stepped, cancelled or edited (its whole new state). */
  'escort:changed': (escort: EscortView) => void;
  /** To officers: the day/month/year/since-opening escort counts changed. */
  'escort:counters': (counters: EscortCounters) => void;
  /** To officers: one officer's 劝导 counts for the current shift changed (each screen keeps its own). */
  'advisory:changed': (tally: AdvisoryTally) => void;
  /** To officers: a helmet stop changed (saved, offered, progress while the rider watches, closed). */
  'helmet:stop': (stop: HelmetStop) => void;
  /** To one kiosk: its session started, moved to another phase or ended (never anything personal). */
  'helmet:session': (session: KioskSession) => void;
  /** To officers and kiosks after an admin saved the settings: the whole new set. */
  'settings:changed': (settings: Settings) => void;
  /** To admins: the officer list after any change to it. */
  'officers:changed': (officers: OfficerAccount[]) => void;
  /** To admins: how far a backup or restore has got. */
  'care:progress': (progress: CareProgress) => void;
  /** To every screen just before the core drops its connection after a restore: reconnect and resync. */
  'data:restored': (info: { at: number; restoredFrom: string }) => void;
  /** To admins: the videos, their assignment and the quiz bank after any change to them. */
  'content:changed': (overview: ContentOverview) => void;
  /** To an unpaired ER screen whose code an officer just entered. */
  'er:paired': (grant: { token: string; screen: ErScreenInfo }) => void;
  /** To an ER screen whose pairing was revoked. */
  'er:unpaired': () => void;
  /** To ER screens: an escort was created, stepped, edited, cancelled or acknowledged (the ER's view of it). */
  'er:escort': (escort: ErEscort) => void;
  /** To officers: the ER screens and whether each is connected. */
  'er:status': (screens: ErScreenInfo[]) => void;
  /** To officers: how far this post's records have got to the city (changed). */
  'link:state': (state: LinkState) => void;
  /** To chiefs and admins: reports the city just sent of a rider waived at two posts in the window. */
  'helmet:cityReports': (reports: CityRiderReport[]) => void;
}
