import type { SessionGrant } from '../../../shared/contract/auth';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { DomainError } from '../errors';
import { findOfficerByBadge, toOfficer, type OfficerRow } from './officers';
import { decoyHash, verifyPin } from './pin';
import { createSession } from './sessions';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;

const wrong = () => new DomainError('UNAUTHENTICATED', '警号或密码错误');

/**
 * Badge + PIN, checked as a login checks them: five wrong PINs lock the account for five minutes;
 * while locked even the right PIN is refused, so a guesser learns nothing from the sixth try. A wrong
 * PIN is counted and audited whatever asked (a login, a handover's signature); `onGood` runs in the
 * same transaction that clears the failure count, with the officer as re-read there.
 */
export async function checkOfficerPin<R>(
  db: Db,
  badge: string,
  pin: string,
  now: number,
  onGood: (officer: OfficerRow) => R,
): Promise<R> {
  const officer = findOfficerByBadge(db, badge);
  if (!officer || officer.active !== 1) {
    await verifyPin(pin, await decoyHash());
    throw wrong();
  }
  if (officer.locked_until > now) {
    const minutes = Math.ceil((officer.locked_until - now) / 60000);
    throw new DomainError('UNAUTHENTICATED', `账号已锁定，请 ${minutes} 分钟后再试`);
  }
  const good = await verifyPin(pin, officer.pin_hash);
  // The transaction returns its verdict instead of throwing: a throw would roll back the failure count.
  const outcome = db.transaction((): { value: R } | DomainError => {
    // Re-read inside the transaction: concurrent attempts must each count.
    const current = findOfficerByBadge(db, badge)!;
    if (!good) {
      const failures = current.failed_logins + 1;
      const lock = failures >= MAX_FAILED_LOGINS;
      db.prepare('UPDATE officers SET failed_logins = ?, locked_until = ? WHERE id = ?').run(
        lock ? 0 : failures,
        lock ? now + LOCKOUT_MS : current.locked_until,
        current.id,
      );
      appendAudit(db, { actor: `officer:${badge}`, action: lock ? 'auth.locked' : 'auth.login_failed', entity: 'officer', entityId: current.id, details: { failures } }, now);
      return new DomainError(
        'UNAUTHENTICATED',
        lock ? '密码错误次数过多，账号已锁定 5 分钟' : `警号或密码错误（还可尝试 ${MAX_FAILED_LOGINS - failures} 次）`,
      );
    }
    if (current.locked_until > now) return new DomainError('UNAUTHENTICATED', '账号已锁定，请稍后再试');
    db.prepare('UPDATE officers SET failed_logins = 0, locked_until = 0 WHERE id = ?').run(current.id);
    return { value: onGood(current) };
  })();
  if (outcome instanceof DomainError) throw outcome;
  return outcome.value;
}

export const login = (db: Db, badge: string, pin: string, now: number): Promise<SessionGrant> =>
  checkOfficerPin(db, badge, pin, now, (current) => {
    const grant = createSession(db, toOfficer(current), now);
    appendAudit(db, { actor: `officer:${badge}`, action: 'auth.login', entity: 'officer', entityId: current.id }, now);
    return grant;
  });
