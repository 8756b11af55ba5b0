import { settingsSchema, type Settings } from '../../shared/domain/settings';
import { appendAudit } from './audit/chain';
import type { Db } from './db/open';
import { readSettings, writeSettings } from './settings-store';

/**
 * `--setting key=value` pairs into a settings patch. Values are JSON when they parse (numbers, true),
 * text otherwise: `--setting kioskIdleSeconds=5 --setting helmetVideoOverride=test-short`.
 */
export function parseSettingArgs(pairs: readonly string[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`--setting expects key=value, got "${pair}"`);
    const raw = pair.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // plain text
    }
    patch[pair.slice(0, eq)] = value;
  }
  return patch;
}

/**
 * Applies settings given at start (the headless CLI, tests). Unknown keys and bad values stop the
 * start with the schema's message rather than being ignored; the change is audited like any other.
 */
export function applyStartupSettings(db: Db, patch: Record<string, unknown>, now: number): Settings {
  const known = settingsSchema.shape;
  const unknown = Object.keys(patch).filter((k) => !Object.hasOwn(known, k));
  if (unknown.length) throw new Error(`unknown setting(s): ${unknown.join(', ')}`);
  const checked = settingsSchema.partial().safeParse(patch);
  if (!checked.success) throw new Error(`invalid setting: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return db.transaction(() => {
    const before = readSettings(db);
    const next = writeSettings(db, checked.data as Partial<Settings>);
    const changed = Object.keys(patch).filter((k) => before[k as keyof Settings] !== next[k as keyof Settings]);
    if (changed.length)
      appendAudit(db, { actor: 'startup', action: 'settings.update', entity: 'settings', entityId: 'post', details: { changed: Object.fromEntries(changed.map((k) => [k, next[k as keyof Settings]])) } }, now);
    return next;
  })();
}
