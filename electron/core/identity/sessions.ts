import { createHash, randomBytes } from 'node:crypto';
import type { Officer, SessionGrant } from '../../../shared/contract/auth';
import type { Db } from '../db/open';
import { findOfficerById, toOfficer } from './officers';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Tokens are random; only their hash is stored, so a copied DB opens no session. */
export function createSession(db: Db, officer: Officer, now: number): SessionGrant {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + SESSION_TTL_MS;
  db.prepare('INSERT INTO sessions (token_hash, officer_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
    hashToken(token),
    officer.id,
    now,
    expiresAt,
  );
  return { token, expiresAt, officer };
}

export function resolveSession(
  db: Db,
  token: string,
  now: number,
): { officer: Officer; tokenHash: string; expiresAt: number } | undefined {
  const tokenHash = hashToken(token);
  const row = db.prepare('SELECT officer_id, expires_at FROM sessions WHERE token_hash = ?').get(tokenHash) as
    | { officer_id: number; expires_at: number }
    | undefined;
  if (!row || row.expires_at <= now) return undefined;
  const officer = findOfficerById(db, row.officer_id);
  if (!officer || officer.active !== 1) return undefined;
  return { officer: toOfficer(officer), tokenHash, expiresAt: row.expires_at };
}

export const endSession = (db: Db, tokenHash: string) =>
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);

/** Ends every session of an officer; returns the token hashes so their sockets can be told. */
export const endOfficerSessions = (db: Db, officerId: number): string[] =>
  (db.prepare('DELETE FROM sessions WHERE officer_id = ? RETURNING token_hash').all(officerId) as { token_hash: string }[]).map(
    (r) => r.token_hash,
  );
