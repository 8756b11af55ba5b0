import type { BackupOutcome, RetentionRun } from '../../../shared/contract/data-care';
import type { Db } from '../db/open';

/** What the scheduler and the admin screen need to remember between runs (in `settings`, not a table). */
export interface CareRecord {
  /** Post day (`2026-11-26`) the daily backup and retention last ran. */
  lastDailyDay?: string;
  lastBackup?: BackupOutcome;
  lastRetention?: RetentionRun;
}

const KEY = 'data_care';

export function readCareRecord(db: Db): CareRecord {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  return raw ? (JSON.parse(raw) as CareRecord) : {};
}

/** Merges `patch` into the record; call inside the transaction that audits the same event. */
export function updateCareRecord(db: Db, patch: Partial<CareRecord>): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    KEY,
    JSON.stringify({ ...readCareRecord(db), ...patch }),
  );
}
