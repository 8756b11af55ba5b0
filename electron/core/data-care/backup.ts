import Database from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupOutcome, BackupResult, CareProgress } from '../../../shared/contract/data-care';
import { appendAudit } from '../audit/chain';
import type { Core } from '../context';
import { DomainError } from '../errors';
import { backUpMedia } from './backup-media';
import { readSettings } from '../settings-store';
import { backupFolder, newBackupName, pruneBackups } from './backup-files';
import { exclusively } from './care-lock';
import { updateCareRecord } from './care-record';
import { syncFile } from './db-files';

export interface BackupOptions {
  trigger: BackupOutcome['trigger'];
  actor: string;
  onProgress?: (p: CareProgress) => void;
  /** Pages copied per event-loop turn; small values let writes interleave (tests use 1). */
  pagesPerStep?: number;
}

/** Makes the backup one self-contained file (no WAL) and proves it opens and is whole. */
function sealBackup(file: string): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`备份文件完整性检查失败：${String(check)}`);
  } finally {
    db.close();
  }
}

const failureMessage = (err: unknown): string => {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return '磁盘空间不足，备份未完成';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_CANTOPEN') return '备份文件夹无法写入';
  return err instanceof Error ? err.message : String(err);
};

/**
 * An online backup with SQLite's backup API: the booth keeps working while pages are copied, and
 * writes made meanwhile through this connection are carried into the copy, so the file is the
 * database as it stood when the copy finished. Written as `.partial`, sealed and checked, then
 * renamed: a file named `greenpost-*.db` is always a complete backup. Old ones are pruned after.
 */
export function takeBackup(core: Core, options: BackupOptions): Promise<BackupResult> {
  return exclusively(core, 'backup', async () => {
    const settings = readSettings(core.db);
    const folder = backupFolder(core, settings);
    const started = performance.now();
    const emit = (phase: CareProgress['phase'], percent: number, message?: string) =>
      options.onProgress?.({ operation: 'backup', phase, percent, ...(message ? { message } : {}) });
    let partial: string | undefined;
    try {
      mkdirSync(folder, { recursive: true });
      const name = newBackupName(folder, core.clock(), settings.timeZone);
      partial = join(folder, `${name}.partial`);
      let shown = -1;
      emit('copy', 0);
      const { totalPages } = await core.db.backup(partial, {
        progress: ({ totalPages: total, remainingPages }) => {
          const percent = Math.floor(((total - remainingPages) / Math.max(1, total)) * 90);
          if (percent !== shown) emit('copy', (shown = percent));
          return options.pagesPerStep ?? 100;
        },
      });
      emit('verify', 92);
      sealBackup(partial);
      const final = join(folder, name);
      renameSync(partial, final);
      syncFile(final);
      const size = statSync(final).size;
      const media = backUpMedia(core.db, core.options.dataDir, folder);
      const now = core.clock();
      const pruned = pruneBackups(folder, settings.timeZone, settings.backupKeepDays, now);
      const outcome: BackupOutcome = { at: now, ok: true, file: name, trigger: options.trigger };
      core.db.transaction(() => {
        updateCareRecord(core.db, { lastBackup: outcome });
        appendAudit(
          core.db,
          { actor: options.actor, action: 'backup.create', entity: 'backup', entityId: name, details: { folder, size, pages: totalPages, trigger: options.trigger, pruned, media } },
          now,
        );
      })();
      emit('done', 100);
      return { file: { name, path: final, size, createdAt: now }, pages: totalPages, ms: Math.round(performance.now() - started), pruned };
    } catch (err) {
      if (partial) rmSync(partial, { force: true });
      const message = failureMessage(err);
      const now = core.clock();
      const outcome: BackupOutcome = { at: now, ok: false, message, trigger: options.trigger };
      core.db.transaction(() => {
        updateCareRecord(core.db, { lastBackup: outcome });
        appendAudit(core.db, { actor: options.actor, action: 'backup.failed', entity: 'backup', entityId: folder, details: { message, trigger: options.trigger } }, now);
      })();
      emit('failed', 100, message);
      throw new DomainError('INTERNAL', `备份失败：${message}`);
    }
  });
}
