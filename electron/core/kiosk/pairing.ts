import { randomBytes, randomInt } from 'node:crypto';
import type { KioskInfo, PairingCode } from '../../../shared/contract/kiosk';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { hashToken } from '../identity/sessions';

export const PAIRING_CODE_TTL_MS = 5 * 60 * 1000;

interface Pending {
  socketId: string;
  expiresAt: number;
}

/**
 * One-time 6-digit codes shown by unpaired kiosk screens. Kept in memory on purpose: a code is worth
 * nothing after a restart (the screen asks for a new one), and single use is simply `delete`.
 */
export class PairingDesk {
  private readonly pending = new Map<string, Pending>();

  issue(socketId: string, now: number): PairingCode {
    this.sweep(now);
    for (const [code, p] of this.pending) {
      // A screen asking again gets its live code back rather than filling the table.
      if (p.socketId === socketId && p.expiresAt - now > 30_000) return { code, expiresAt: p.expiresAt };
      if (p.socketId === socketId) this.pending.delete(code);
    }
    let code: string;
    do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    while (this.pending.has(code));
    const expiresAt = now + PAIRING_CODE_TTL_MS;
    this.pending.set(code, { socketId, expiresAt });
    return { code, expiresAt };
  }

  /** Returns the waiting screen's socket id and forgets the code (single use), or undefined. */
  redeem(code: string, now: number): string | undefined {
    this.sweep(now);
    const p = this.pending.get(code);
    if (!p) return undefined;
    this.pending.delete(code);
    return p.socketId;
  }

  forgetSocket(socketId: string) {
    for (const [code, p] of this.pending) if (p.socketId === socketId) this.pending.delete(code);
  }

  private sweep(now: number) {
    for (const [code, p] of this.pending) if (p.expiresAt <= now) this.pending.delete(code);
  }
}

interface KioskRow {
  id: number;
  name: string;
  paired_at: number;
  revoked_at: number | null;
}

export const toKioskInfo = (r: KioskRow, online: boolean): KioskInfo => ({
  id: r.id,
  name: r.name,
  pairedAt: r.paired_at,
  online,
});

/** Creates a kiosk and its device token (returned once; only the hash is kept). */
export function registerKiosk(
  db: Db,
  name: string | undefined,
  pairedBy: number | null,
  actor: string,
  now: number,
): { token: string; row: KioskRow } {
  const token = randomBytes(32).toString('base64url');
  return db.transaction(() => {
    const id = Number(
      db
        .prepare('INSERT INTO kiosks (name, token_hash, paired_at, paired_by) VALUES (?, ?, ?, ?)')
        .run(name ?? '', hashToken(token), now, pairedBy).lastInsertRowid,
    );
    const finalName = name ?? `教育屏 ${id}`;
    db.prepare('UPDATE kiosks SET name = ? WHERE id = ?').run(finalName, id);
    appendAudit(db, { actor, action: 'kiosk.pair', entity: 'kiosk', entityId: id, details: { name: finalName } }, now);
    return { token, row: { id, name: finalName, paired_at: now, revoked_at: null } };
  })();
}

export const findKioskByToken = (db: Db, token: string) =>
  db
    .prepare('SELECT id, name, paired_at, revoked_at FROM kiosks WHERE token_hash = ? AND revoked_at IS NULL')
    .get(hashToken(token)) as KioskRow | undefined;

export const listKioskRows = (db: Db) =>
  db.prepare('SELECT id, name, paired_at, revoked_at FROM kiosks WHERE revoked_at IS NULL ORDER BY id').all() as KioskRow[];

/** Renames a paired kiosk; false if there is no such paired kiosk. */
export function renameKiosk(db: Db, id: number, name: string, actor: string, now: number): boolean {
  return db.transaction(() => {
    const before = db.prepare('SELECT name FROM kiosks WHERE id = ? AND revoked_at IS NULL').get(id) as { name: string } | undefined;
    if (!before) return false;
    if (before.name === name) return true;
    db.prepare('UPDATE kiosks SET name = ? WHERE id = ?').run(name, id);
    appendAudit(db, { actor, action: 'kiosk.rename', entity: 'kiosk', entityId: id, details: { from: before.name, to: name } }, now);
    return true;
  })();
}

export function revokeKiosk(db: Db, id: number, actor: string, now: number): boolean {
  return db.transaction(() => {
    const changed = db.prepare('UPDATE kiosks SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes;
    if (changed) appendAudit(db, { actor, action: 'kiosk.unpair', entity: 'kiosk', entityId: id }, now);
    return changed > 0;
  })();
}
