import { defaultSettings, settingsSchema, type Settings } from '../../shared/domain/settings';
import type { Db } from './db/open';

const KEY = 'post_settings';

/** Settings live as one JSON row; unknown or invalid stored keys fall back to their defaults. */
export function readSettings(db: Db): Settings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return defaultSettings;
  const parsed = settingsSchema.safeParse({ ...defaultSettings, ...(JSON.parse(row.value) as object) });
  return parsed.success ? parsed.data : defaultSettings;
}

export function writeSettings(db: Db, patch: Partial<Settings>): Settings {
  const next = settingsSchema.parse({ ...readSettings(db), ...patch });
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(next));
  return next;
}
