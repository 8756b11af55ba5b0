import type { CareProgress } from '../../../shared/contract/data-care';
import { toAdmins } from '../auth/live-sessions';
import { sweepUnregisteredMedia } from '../content/media-sweep';
import type { Core } from '../context';
import { readSettings } from '../settings-store';
import { takeBackup } from './backup';
import { careBusy } from './care-lock';
import { readCareRecord, updateCareRecord } from './care-record';
import { dayKey, nextDailyAt } from './local-time';
import { runRetention } from './retention';

export const DAILY_ACTOR = 'system:daily';

export interface Maintenance {
  /** Runs the daily work if it is due; the timer calls it every minute. */
  tick(): Promise<void>;
  stop(): void;
}

export const careProgressToAdmins = (core: Core) => (p: CareProgress) => toAdmins(core, 'care:progress', p);

/**
 * The daily job at the set time (post time zone): a backup into the chosen folder, pruning old ones,
 * then the retention wipe, then uploads no video was registered from. Each step's failure is recorded and logged without stopping the next;
 * the day is marked done either way so a full disk is not retried every minute.
 */
export function startMaintenance(core: Core, everyMs = 60_000): Maintenance {
  let running = false;
  const tick = async () => {
    if (running || careBusy(core)) return;
    running = true;
    try {
      const settings = readSettings(core.db);
      const now = core.clock();
      if (now < nextDailyAt(now, settings.backupTime, settings.timeZone, readCareRecord(core.db).lastDailyDay)) return;
      try {
        await takeBackup(core, { trigger: 'daily', actor: DAILY_ACTOR, onProgress: careProgressToAdmins(core) });
      } catch (err) {
        core.log('error', 'daily backup failed', { error: err instanceof Error ? err.message : String(err) });
      }
      try {
        runRetention(core, 'daily', DAILY_ACTOR);
      } catch (err) {
        core.log('error', 'daily retention failed', { error: err instanceof Error ? err.message : String(err) });
      }
      try {
        sweepUnregisteredMedia(core, DAILY_ACTOR);
      } catch (err) {
        core.log('error', 'daily media sweep failed', { error: err instanceof Error ? err.message : String(err) });
      }
      updateCareRecord(core.db, { lastDailyDay: dayKey(now, settings.timeZone) });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
