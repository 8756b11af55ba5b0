import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupFile } from '../../../shared/contract/data-care';
import type { Settings } from '../../../shared/domain/settings';
import type { Core } from '../context';
import { fileStamp, parseFileStamp } from './local-time';

const BACKUP_NAME = /^greenpost-(\d{8}-\d{6})(?:-(\d+))?\.db$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export const backupFolder = (core: Core, settings: Settings): string => settings.backupFolder || join(core.options.dataDir, 'backups');

/** A new file name for a backup taken at `at`; a second one in the same second gets `-2`. */
export function newBackupName(folder: string, at: number, timeZone: string): string {
  const stamp = fileStamp(at, timeZone);
  for (let n = 1; ; n++) {
    const name = n === 1 ? `greenpost-${stamp}.db` : `greenpost-${stamp}-${n}.db`;
    if (!existsSync(join(folder, name)) && !existsSync(join(folder, `${name}.partial`))) return name;
  }
}

/** `-2` in `greenpost-…-2.db`: the second backup taken in the same second. */
const sameSecondIndex = (name: string) => Number(BACKUP_NAME.exec(name)?.[2] ?? 1);

/** GreenPost backups in the folder, newest first; other files there are not ours to list or delete. */
export function listBackups(folder: string, timeZone: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .flatMap((name): BackupFile[] => {
      const m = BACKUP_NAME.exec(name);
      const createdAt = m ? parseFileStamp(m[1]!, timeZone) : undefined;
      if (createdAt === undefined) return [];
      const path = join(folder, name);
      try {
        const st = statSync(path);
        return st.isFile() ? [{ name, path, size: st.size, createdAt }] : [];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.createdAt - a.createdAt || sameSecondIndex(b.name) - sameSecondIndex(a.name));
}

/**
 * Deletes backups `keepDays` days old or older, always keeping the newest one; returns the names
 * removed. With one backup a day that leaves exactly `keepDays` of them.
 */
export function pruneBackups(folder: string, timeZone: string, keepDays: number, now: number): string[] {
  const [newest, ...rest] = listBackups(folder, timeZone);
  if (!newest) return [];
  const cutoff = now - keepDays * DAY_MS;
  const removed: string[] = [];
  for (const file of rest) {
    if (file.createdAt > cutoff) continue;
    rmSync(file.path, { force: true });
    removed.push(file.name);
  }
  return removed;
}
