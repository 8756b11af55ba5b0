import { join } from 'node:path';
import type { Core } from '../context';
import { openDatabase, type Db } from '../db/open';
import { moveDbFiles, syncFolder } from './db-files';

export const liveDbPath = (core: Core) => join(core.options.dataDir, 'greenpost.db');

type Replaced = (db: Db) => void;
const listeners = new WeakMap<Core, Set<Replaced>>();

/**
 * For features that cache anything read from the database (counters, open sessions): called after
 * a restore swapped in another database, before any screen reconnects. Returns an unsubscribe.
 */
export function onDatabaseReplaced(core: Core, listener: Replaced): () => void {
  let set = listeners.get(core);
  if (!set) listeners.set(core, (set = new Set()));
  set.add(listener);
  return () => void set.delete(listener);
}

/**
 * Swaps the live database for `staged` (already checked by the caller) and keeps the old one as
 * `keptAs`. Runs synchronously from close to reopen, so no handler can see a closed `core.db`;
 * handlers must read `core.db` when they run, never keep it. If the staged file will not open, the
 * previous database is put back exactly as it was and the error is rethrown.
 */
export function replaceDatabase(core: Core, staged: string, keptAs: string): Db {
  const live = liveDbPath(core);
  const previous = core.db;
  // Fold the WAL into the main file so the kept copy is one self-contained file.
  previous.pragma('wal_checkpoint(TRUNCATE)');
  previous.close();
  moveDbFiles(live, keptAs);
  try {
    moveDbFiles(staged, live);
    core.db = openDatabase(live);
  } catch (err) {
    moveDbFiles(live, staged);
    moveDbFiles(keptAs, live);
    core.db = openDatabase(live);
    throw err;
  }
  syncFolder(core.options.dataDir);
  for (const listener of listeners.get(core) ?? []) listener(core.db);
  return core.db;
}
