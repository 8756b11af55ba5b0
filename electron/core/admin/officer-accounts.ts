import type { OfficerAccount } from '../../../shared/contract/admin';
import type { Role } from '../../../shared/domain/roles';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { conflict, notFound, validation } from '../errors';
import { findOfficerById, toOfficer, type OfficerRow } from '../identity/officers';
import { hashPin, verifyPin } from '../identity/pin';
import { endOfficerSessions } from '../identity/sessions';

export const toAccount = (r: OfficerRow): OfficerAccount => ({
  ...toOfficer(r),
  lockedUntil: r.locked_until,
  createdAt: r.created_at,
});

export const listAccounts = (db: Db): OfficerAccount[] =>
  (db.prepare('SELECT * FROM officers ORDER BY active DESC, badge').all() as OfficerRow[]).map(toAccount);

const existing = (db: Db, id: number): OfficerRow => {
  const row = findOfficerById(db, id);
  if (!row) throw notFound(`民警 ${id} 不存在`);
  return row;
};

/**
 * The post must always keep one admin who can sign in, or nobody could add officers or restore a
 * backup again. Called inside the transaction that would deactivate or demote `row`.
 */
function keepOneAdmin(db: Db, row: OfficerRow, what: string): void {
  if (row.role !== 'admin' || row.active !== 1) return;
  const others = db
    .prepare("SELECT COUNT(*) FROM officers WHERE role = 'admin' AND active = 1 AND id <> ?")
    .pluck()
    .get(row.id) as number;
  if (others === 0) throw conflict(`${row.name}（${row.badge}）是最后一名在岗管理员，不能${what}。请先将另一名民警设为管理员。`);
}

/** Result of a change that may have to sign the officer out (their session token hashes). */
export interface AccountChange {
  account: OfficerAccount;
  endedSessions: string[];
}

export function setActive(db: Db, id: number, active: boolean, actor: string, now: number): AccountChange {
  return db.transaction((): AccountChange => {
    const row = existing(db, id);
    if ((row.active === 1) === active) return { account: toAccount(row), endedSessions: [] };
    if (!active) keepOneAdmin(db, row, '停用');
    db.prepare('UPDATE officers SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
    const endedSessions = active ? [] : endOfficerSessions(db, id);
    appendAudit(db, { actor, action: active ? 'officer.reactivate' : 'officer.deactivate', entity: 'officer', entityId: id, details: { badge: row.badge } }, now);
    return { account: toAccount(existing(db, id)), endedSessions };
  })();
}

export function setRole(db: Db, id: number, role: Role, actor: string, now: number): OfficerAccount {
  return db.transaction(() => {
    const row = existing(db, id);
    if (row.role === role) return toAccount(row);
    if (role !== 'admin') keepOneAdmin(db, row, '取消管理员角色');
    db.prepare('UPDATE officers SET role = ? WHERE id = ?').run(role, id);
    appendAudit(db, { actor, action: 'officer.role', entity: 'officer', entityId: id, details: { badge: row.badge, from: row.role, to: role } }, now);
    return toAccount(existing(db, id));
  })();
}

/** An admin sets someone else's PIN: the lockout is lifted and the officer signed out everywhere. */
export async function resetPin(db: Db, id: number, pin: string, byOfficerId: number, actor: string, now: number): Promise<AccountChange> {
  if (id === byOfficerId) throw validation('请用右上角菜单中的「修改密码」修改自己的密码');
  existing(db, id);
  const pinHash = await hashPin(pin);
  return db.transaction((): AccountChange => {
    const row = existing(db, id);
    db.prepare('UPDATE officers SET pin_hash = ?, failed_logins = 0, locked_until = 0 WHERE id = ?').run(pinHash, id);
    const endedSessions = endOfficerSessions(db, id);
    appendAudit(db, { actor, action: 'officer.pin_reset', entity: 'officer', entityId: id, details: { badge: row.badge } }, now);
    return { account: toAccount(existing(db, id)), endedSessions };
  })();
}

/**
 * An officer changes their own PIN. The current PIN is required (a booth left signed in must not
 * let a passer-by take the account); the officer's other windows are signed out, this one stays.
 */
export async function changeOwnPin(
  db: Db,
  id: number,
  currentPin: string,
  newPin: string,
  keepSession: string | undefined,
  actor: string,
  now: number,
): Promise<string[]> {
  const before = existing(db, id);
  if (!(await verifyPin(currentPin, before.pin_hash))) throw validation('当前密码不正确');
  if (currentPin === newPin) throw validation('新密码不能与当前密码相同');
  const pinHash = await hashPin(newPin);
  return db.transaction(() => {
    const row = existing(db, id);
    // The PIN changed while we were hashing (another window): refuse rather than overwrite it.
    if (row.pin_hash !== before.pin_hash) throw conflict('密码刚刚被修改过，请重新输入当前密码');
    db.prepare('UPDATE officers SET pin_hash = ? WHERE id = ?').run(pinHash, id);
    const ended = db
      .prepare('DELETE FROM sessions WHERE officer_id = ? AND token_hash IS NOT ? RETURNING token_hash')
      .pluck()
      .all(id, keepSession ?? null) as string[];
    appendAudit(db, { actor, action: 'officer.pin_change', entity: 'officer', entityId: id, details: { badge: row.badge, signedOut: ended.length } }, now);
    return ended;
  })();
}
