import { createHmac, randomBytes } from 'node:crypto';
import { idLast4, maskPhone } from '../../../shared/domain/helmet';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';

const SECRET_KEY = 'helmet_id_secret';

/**
 * The per-install HMAC key, made on first use and kept in `settings` (so a backup carries it and a
 * restored post still recognises its repeat riders). Without it a leaked DB cannot be brute-forced
 * back to ID numbers: an ID has too little entropy for a plain hash to hide it.
 */
function riderSecret(db: Db): Buffer {
  const row = stmt(db, 'SELECT value FROM settings WHERE key = ?').get(SECRET_KEY) as { value: string } | undefined;
  if (row) return Buffer.from(row.value, 'hex');
  const secret = randomBytes(32);
  stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING').run(SECRET_KEY, secret.toString('hex'));
  // Re-read: whatever is stored wins, so two racing first uses still agree.
  return Buffer.from((stmt(db, 'SELECT value FROM settings WHERE key = ?').get(SECRET_KEY) as { value: string }).value, 'hex');
}

export interface RiderKeys {
  idHash: string | null;
  idLast4: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
}

/** Keyed hashes for repeat lookup plus what may be shown; the clear values go no further than this. */
export function riderKeys(db: Db, idNumber: string | undefined, phone: string | undefined): RiderKeys {
  if (!idNumber && !phone) return { idHash: null, idLast4: null, phoneHash: null, phoneMasked: null };
  const secret = riderSecret(db);
  const mac = (kind: string, value: string) => createHmac('sha256', secret).update(`${kind}:${value}`).digest('hex');
  return {
    idHash: idNumber ? mac('id', idNumber) : null,
    idLast4: idNumber ? idLast4(idNumber) : null,
    phoneHash: phone ? mac('phone', phone) : null,
    phoneMasked: phone ? maskPhone(phone) : null,
  };
}
