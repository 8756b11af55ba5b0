import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../core/db/open';
import { findKioskByToken, registerKiosk } from '../core/kiosk/pairing';

export const KIOSK_TOKEN_FILE = 'kiosk-token';
export const BUILT_IN_KIOSK_NAME = '岗亭教育屏';

const readSaved = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
};

/**
 * The device token of the booth's own second-screen kiosk. The kiosk window is ours, so it skips the
 * 6-digit pairing a LAN tablet goes through: the first launch registers it, later launches reuse the
 * token while the kiosk is still paired (an admin who unpairs it gets a fresh one on next start).
 */
export function builtInKioskToken(db: Db, userDataDir: string, now: number): string {
  const file = join(userDataDir, KIOSK_TOKEN_FILE);
  const saved = readSaved(file);
  if (saved && findKioskByToken(db, saved)) return saved;
  const { token } = registerKiosk(db, BUILT_IN_KIOSK_NAME, null, 'system', now);
  // Owner-only, written whole then renamed: a half-written token would orphan the kiosk row.
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${token}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
  return token;
}
