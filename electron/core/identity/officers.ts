import type { Officer } from '../../../shared/contract/auth';
import type { Role } from '../../../shared/domain/roles';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { conflict } from '../errors';
import { hashPin } from './pin';

export interface OfficerRow {
  id: number;
  badge: string;
  name: string;
  role: Role;
  pin_hash: string;
  active: number;
  failed_logins: number;
  locked_until: number;
  created_at: number;
}

export const toOfficer = (r: OfficerRow): Officer => ({
  id: r.id,
  badge: r.badge,
  name: r.name,
  role: r.role,
  active: r.active === 1,
});

export const findOfficerByBadge = (db: Db, badge: string) =>
  db.prepare('SELECT * FROM officers WHERE badge = ?').get(badge) as OfficerRow | undefined;

export const findOfficerById = (db: Db, id: number) =>
  db.prepare('SELECT * FROM officers WHERE id = ?').get(id) as OfficerRow | undefined;

export const countOfficers = (db: Db): number =>
  (db.prepare('SELECT COUNT(*) AS n FROM officers').get() as { n: number }).n;

export interface NewOfficer {
  badge: string;
  name: string;
  role: Role;
  pin: string;
}

/** Hashes the PIN first (slow, async), then inserts officer + audit row in one transaction. */
export async function createOfficer(db: Db, input: NewOfficer, actor: string, now: number): Promise<Officer> {
  const pinHash = await hashPin(input.pin);
  return db.transaction(() => {
    if (findOfficerByBadge(db, input.badge)) throw conflict(`警号 ${input.badge} 已存在`);
    const id = Number(
      db
        .prepare('INSERT INTO officers (badge, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(input.badge, input.name, input.role, pinHash, now).lastInsertRowid,
    );
    appendAudit(db, { actor, action: 'officer.create', entity: 'officer', entityId: id, details: { badge: input.badge, role: input.role } }, now);
    return toOfficer(findOfficerById(db, id)!);
  })();
}
