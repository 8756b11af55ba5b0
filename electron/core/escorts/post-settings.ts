import type { Settings } from '../../../shared/domain/settings';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { readSettings } from '../settings-store';

const memo = new WeakMap<Db, { raw: string | undefined; settings: Settings }>();

/**
 * The post's settings for hot writes: re-parsed only when the stored row changed, so a step or a tap
 * does not pay for a schema parse. Always current: the row is read on every call.
 */
export function postSettings(db: Db): Settings {
  const raw = stmt<{ value: string }>(db, `SELECT value FROM settings WHERE key = 'post_settings'`).get()?.value;
  const hit = memo.get(db);
  if (hit && hit.raw === raw) return hit.settings;
  const settings = readSettings(db);
  memo.set(db, { raw, settings });
  return settings;
}
