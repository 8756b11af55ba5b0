import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { appendAudit } from '../audit/chain';
import type { Core } from '../context';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { backupFolder } from '../data-care/backup-files';
import { readSettings } from '../settings-store';
import type { RiderKeyExport } from '../../../shared/contract/data-care';
import { sealKeyExport } from './key-export';
import { keyFileVault, type SecretVault } from './vault';

/** Where installs before the key left the database kept it (and where old backups still may). */
const LEGACY_SECRET = 'helmet_id_secret';
/** A fingerprint of the key the database's rider hashes were made with; says nothing about the key. */
const KEY_ID = 'helmet_key_id';
export const RIDER_KEY_FILE = 'rider-key';

export const riderKeyId = (secret: Buffer): string =>
  createHash('sha256').update('greenpost rider key id\0').update(secret).digest('hex').slice(0, 16);

export function riderVault(core: Core): SecretVault {
  return (
    core.options.riderKeyVault ?? keyFileVault(core.options.riderKeyFile ?? join(core.options.dataDir, RIDER_KEY_FILE))
  );
}

const setting = (db: Db | Database.Database, key: string) =>
  (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;

/** What a database file says of its rider key: the key itself (an old install) or its id. */
export function riderKeyOfFile(db: Db | Database.Database): { legacy?: Buffer; keyId?: string } {
  const legacy = setting(db, LEGACY_SECRET);
  const keyId = setting(db, KEY_ID);
  return { ...(legacy ? { legacy: Buffer.from(legacy, 'hex') } : {}), ...(keyId ? { keyId } : {}) };
}

const cache = new WeakMap<Core, Buffer>();
const SET_SETTING =
  'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value';

function recordKeyId(db: Db, secret: Buffer) {
  stmt(db, SET_SETTING).run(KEY_ID, riderKeyId(secret));
}

/**
 * Takes the key out of a database file (a backup, a copy kept by a restore) and rewrites the file so
 * the freed page is gone, not just unlinked. Returns whether there was anything to take.
 */
function scrubFile(file: string, keyId: string): boolean {
  const db = new Database(file, { fileMustExist: true });
  try {
    if (setting(db, LEGACY_SECRET) === undefined) return false;
    db.transaction(() => {
      db.prepare('DELETE FROM settings WHERE key = ?').run(LEGACY_SECRET);
      db.prepare(SET_SETTING).run(KEY_ID, keyId);
    })();
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
    return true;
  } finally {
    db.close();
  }
}

/** Every other GreenPost database on this machine that may still carry the key: backups and kept copies. */
function copiesOnDisk(core: Core): string[] {
  const folders = [backupFolder(core, readSettings(core.db)), core.options.dataDir];
  const files = new Set<string>();
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder))
      if (/^greenpost-.*\.db$/.test(name) && name !== 'greenpost.db') files.add(join(folder, name));
  }
  return [...files];
}

/**
 * At start and after a restore: a database that still holds the key (an install from before this
 * version, or an old backup just restored) hands it to the vault, the key is erased from it and the
 * file vacuumed; so are the backups and kept copies beside it. The key the data was made with wins:
 * after a restore of an old backup, its key replaces the vault's.
 */
export function settleRiderSecret(core: Core): void {
  cache.delete(core);
  const vault = riderVault(core);
  const stored = vault.load();
  const { legacy, keyId } = riderKeyOfFile(core.db);
  if (!legacy) {
    // A vault key this database was not keyed with is left for riderSecret to replace, audited.
    if (stored && (!keyId || keyId === riderKeyId(stored))) cache.set(core, stored);
    return;
  }
  if (stored && !stored.equals(legacy))
    core.log('warn', 'the database brings its own rider key; it replaces the one in the vault', {
      replaced: riderKeyId(stored),
      now: riderKeyId(legacy),
    });
  if (!stored?.equals(legacy)) vault.save(legacy);
  const id = riderKeyId(legacy);
  core.db.transaction(() => {
    stmt(core.db, 'DELETE FROM settings WHERE key = ?').run(LEGACY_SECRET);
    recordKeyId(core.db, legacy);
  })();
  core.db.exec('VACUUM');
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  const scrubbed = copiesOnDisk(core).filter((file) => {
    try {
      return scrubFile(file, id);
    } catch (err) {
      core.log('error', 'could not take the rider key out of a copy', { file, err: String(err) });
      return false;
    }
  });
  core.db.transaction(() =>
    appendAudit(
      core.db,
      {
        actor: 'system',
        action: 'riderKey.moved',
        entity: 'riderKey',
        entityId: id,
        details: { to: vault.where, scrubbed: scrubbed.length },
      },
      core.clock(),
    ),
  )();
  core.log('info', 'rider key moved out of the database', { to: vault.where, scrubbed: scrubbed.length });
  cache.set(core, legacy);
}

/** Puts `secret` in the vault as the key of the database now in use (a restore with its key export). */
export function adoptRiderSecret(core: Core, secret: Buffer): void {
  riderVault(core).save(secret);
  recordKeyId(core.db, secret);
  cache.set(core, secret);
}

/**
 * The per-install HMAC key for rider keys. Made on first use; kept only in the vault, never in the
 * database or a backup, so a copy of either alone cannot be brute-forced back to ID numbers or
 * phones. If the database was keyed with a key that is gone (the key file lost, a backup restored
 * without its key), a new key is made and that is audited: earlier riders no longer match.
 */
export function riderSecret(core: Core): Buffer {
  const known = cache.get(core);
  if (known) return known;
  const vault = riderVault(core);
  const stored = vault.load();
  const { keyId } = riderKeyOfFile(core.db);
  if (stored && (!keyId || keyId === riderKeyId(stored))) {
    if (!keyId) recordKeyId(core.db, stored);
    cache.set(core, stored);
    return stored;
  }
  const secret = randomBytes(32);
  vault.save(secret);
  core.db.transaction(() => {
    recordKeyId(core.db, secret);
    if (keyId)
      appendAudit(
        core.db,
        {
          actor: 'system',
          action: 'riderKey.replaced',
          entity: 'riderKey',
          entityId: riderKeyId(secret),
          details: { lost: keyId, note: '原骑手密钥缺失：此前骑手的再次违法无法识别' },
        },
        core.clock(),
      );
  })();
  if (keyId)
    core.log('error', 'the rider key this database was keyed with is missing; a new key was made', { lost: keyId });
  cache.set(core, secret);
  return secret;
}

/** 备份 → 导出密钥: the key sealed with the admin's passphrase, audited (the passphrase is not). */
export function exportRiderKey(core: Core, passphrase: string, actor: string): RiderKeyExport {
  const secret = riderSecret(core);
  const keyId = riderKeyId(secret);
  const content = sealKeyExport(secret, keyId, passphrase);
  core.db.transaction(() =>
    appendAudit(
      core.db,
      { actor, action: 'riderKey.export', entity: 'riderKey', entityId: keyId, details: {} },
      core.clock(),
    ),
  )();
  return { fileName: `greenpost-rider-key-${keyId}.json`, content };
}

export const currentRiderKeyId = (core: Core): string | undefined => riderKeyOfFile(core.db).keyId;
