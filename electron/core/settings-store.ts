import { defaultSettings, settingsSchema, type Settings } from '../../shared/domain/settings';
import type { Db } from './db/open';
import { stmt } from './db/statements';

const KEY = 'post_settings';

// Every domain write reads the settings: the row is parsed again only when its text changed.
const lastRead = new WeakMap<Db, { raw: string; settings: Settings }>();

/** Settings live as one JSON row; unknown or invalid stored keys fall back to their defaults. */
export function readSettings(db: Db): Settings {
  const row = stmt<{ value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(KEY);
  if (!row) return defaultSettings;
  const cached = lastRead.get(db);
  if (cached?.raw === row.value) return cached.settings;
  const parsed = settingsSchema.safeParse({ ...defaultSettings, ...(JSON.parse(row.value) as object) });
  const settings = parsed.success ? parsed.data : defaultSettings;
  lastRead.set(db, { raw: row.value, settings });
  return settings;
}

export function writeSettings(db: Db, patch: Partial<Settings>): Settings {
  const next = settingsSchema.parse({ ...readSettings(db), ...patch });
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(next));
  return next;
}
