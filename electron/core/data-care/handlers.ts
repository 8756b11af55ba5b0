import type { BackupOverview } from '../../../shared/contract/data-care';
import { actorOf, type Core } from '../context';
import { readSettings } from '../settings-store';
import type { Handlers } from '../socket/handlers';
import { takeBackup } from './backup';
import { backupFolder, listBackups } from './backup-files';
import { careBusy } from './care-lock';
import { readCareRecord } from './care-record';
import { nextDailyAt } from './local-time';
import { careProgressToAdmins } from './maintenance';
import { restoreFromFile } from './restore';
import { currentRiderKeyId, exportRiderKey, riderVault } from '../secrets/rider-secret';
import { retentionStatus, runRetention } from './retention';

export function backupOverview(core: Core): BackupOverview {
  const settings = readSettings(core.db);
  const folder = backupFolder(core, settings);
  const record = readCareRecord(core.db);
  return {
    folder,
    files: listBackups(folder, settings.timeZone),
    ...(record.lastBackup ? { last: record.lastBackup } : {}),
    nextDailyAt: nextDailyAt(core.clock(), settings.backupTime, settings.timeZone, record.lastDailyDay),
    running: careBusy(core) !== undefined,
    riderKey: { where: riderVault(core).where, ...(currentRiderKeyId(core) ? { keyId: currentRiderKeyId(core) } : {}) },
  };
}

export const dataCareHandlers: Handlers<
  'backup:overview' | 'backup:run' | 'backup:restore' | 'riderKey:export' | 'retention:status' | 'retention:run'
> = {
  'backup:overview': (_req, { core }) => backupOverview(core),
  'backup:run': (_req, { core, socket }) =>
    takeBackup(core, { trigger: 'manual', actor: actorOf(socket.data.principal), onProgress: careProgressToAdmins(core) }),
  'backup:restore': (req, { core, socket }) =>
    restoreFromFile(core, req.path, {
      actor: actorOf(socket.data.principal),
      onProgress: careProgressToAdmins(core),
      ...(req.riderKey ? { riderKey: req.riderKey } : {}),
      ...(req.withoutRiderKey ? { withoutRiderKey: true } : {}),
    }),
  'riderKey:export': (req, { core, socket }) => exportRiderKey(core, req.passphrase, actorOf(socket.data.principal)),
  'retention:status': (_req, { core }) => retentionStatus(core),
  'retention:run': (_req, { core, socket }) => runRetention(core, 'manual', actorOf(socket.data.principal)),
};
