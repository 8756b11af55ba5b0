import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from '../db/open';

// Uploaded warning videos and their captions live beside the database (<data>/media), not in it. A
// backup carries them in `<backup folder>/media/`, and a restore puts back any the data dir lacks, so a
// restore onto a new PC brings back the videos its database assigns. Files are named by their content
// hash, so each is stored once however many backups refer to it.

/** The uploaded files a database refers to (bundled videos ship with the app). */
export function uploadedFiles(db: Db): string[] {
  const rows = db.prepare("SELECT file, captions FROM videos WHERE source = 'uploaded'").all() as { file: string; captions: string | null }[];
  // Names are hashes chosen by the core; basename() keeps a tampered row from reaching outside the folder.
  return [...new Set(rows.flatMap((r) => [r.file, r.captions]).filter((f): f is string => !!f).map((f) => basename(f)))];
}

/** Copies the uploaded files `db` refers to into `<folder>/media/`; returns how many were new there. */
export function backUpMedia(db: Db, dataDir: string, folder: string): number {
  const target = join(folder, 'media');
  let copied = 0;
  for (const file of uploadedFiles(db)) {
    const from = join(dataDir, 'media', file);
    if (!existsSync(from) || existsSync(join(target, file))) continue;
    mkdirSync(target, { recursive: true });
    copyFileSync(from, join(target, file));
    copied++;
  }
  return copied;
}

/**
 * After a restore from `backupFile`: copies the uploaded files the restored database refers to and the
 * data dir lacks from the backup's `media/` folder. Returns what was put back and what could not be found.
 */
export function restoreMedia(db: Db, dataDir: string, backupFile: string): { restored: number; missing: string[] } {
  const source = join(dirname(backupFile), 'media');
  const missing: string[] = [];
  let restored = 0;
  for (const file of uploadedFiles(db)) {
    const to = join(dataDir, 'media', file);
    if (existsSync(to)) continue;
    if (!existsSync(join(source, file))) {
      missing.push(file);
      continue;
    }
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(source, file), to);
    restored++;
  }
  return { restored, missing };
}
