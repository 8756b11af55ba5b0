import { randomBytes } from 'node:crypto';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { hashToken } from '../identity/sessions';

/** A paired screen's row: a kiosk (教育屏) or an ER pre-alert screen (急诊预警屏). */
export interface DeviceRow {
  id: number;
  name: string;
  paired_at: number;
  revoked_at: number | null;
}

/** What the booth lists of a paired screen (KioskInfo and ErScreenInfo share this shape). */
export const deviceInfo = (r: DeviceRow, online: boolean) => ({
  id: r.id,
  name: r.name,
  pairedAt: r.paired_at,
  online,
});

export interface DeviceKind {
  table: 'kiosks' | 'er_screens';
  /** Audit action prefix: `kiosk.pair`, `er.pair` … */
  audit: 'kiosk' | 'er';
  defaultName: (id: number) => string;
}

/**
 * Paired screens of one kind: each holds a device token (returned once at pairing; only its hash is
 * kept) that opens that kind's events alone. Kiosks and ER screens differ only in table and wording.
 */
export function deviceRegistry(kind: DeviceKind) {
  const { table, audit } = kind;
  const columns = 'id, name, paired_at, revoked_at';
  return {
    register(
      db: Db,
      name: string | undefined,
      pairedBy: number | null,
      actor: string,
      now: number,
    ): { token: string; row: DeviceRow } {
      const token = randomBytes(32).toString('base64url');
      return db.transaction(() => {
        const id = Number(
          db
            .prepare(`INSERT INTO ${table} (name, token_hash, paired_at, paired_by) VALUES (?, ?, ?, ?)`)
            .run(name ?? '', hashToken(token), now, pairedBy).lastInsertRowid,
        );
        const finalName = name ?? kind.defaultName(id);
        db.prepare(`UPDATE ${table} SET name = ? WHERE id = ?`).run(finalName, id);
        appendAudit(
          db,
          { actor, action: `${audit}.pair`, entity: audit, entityId: id, details: { name: finalName } },
          now,
        );
        return { token, row: { id, name: finalName, paired_at: now, revoked_at: null } };
      })();
    },

    findByToken: (db: Db, token: string) =>
      db
        .prepare(`SELECT ${columns} FROM ${table} WHERE token_hash = ? AND revoked_at IS NULL`)
        .get(hashToken(token)) as DeviceRow | undefined,

    list: (db: Db) =>
      db.prepare(`SELECT ${columns} FROM ${table} WHERE revoked_at IS NULL ORDER BY id`).all() as DeviceRow[],

    /** False if there is no such paired screen. */
    rename(db: Db, id: number, name: string, actor: string, now: number): boolean {
      return db.transaction(() => {
        const before = db.prepare(`SELECT name FROM ${table} WHERE id = ? AND revoked_at IS NULL`).get(id) as
          { name: string } | undefined;
        if (!before) return false;
        if (before.name === name) return true;
        db.prepare(`UPDATE ${table} SET name = ? WHERE id = ?`).run(name, id);
        appendAudit(
          db,
          { actor, action: `${audit}.rename`, entity: audit, entityId: id, details: { from: before.name, to: name } },
          now,
        );
        return true;
      })();
    },

    revoke(db: Db, id: number, actor: string, now: number): boolean {
      return db.transaction(() => {
        const changed = db
          .prepare(`UPDATE ${table} SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`)
          .run(now, id).changes;
        if (changed) appendAudit(db, { actor, action: `${audit}.unpair`, entity: audit, entityId: id }, now);
        return changed > 0;
      })();
    },
  };
}
