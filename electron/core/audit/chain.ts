import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { appendOutboxFor } from '../city/outbox';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string | number;
  details?: Record<string, unknown>;
}

export type AuditVerdict =
  | { ok: true; count: number; headSeq: number; headHash: string }
  | { ok: false; firstBadSeq: number; reason: string };

export const GENESIS_HASH = '0'.repeat(64);
const HEAD_KEY = 'audit_head';

/** One row of audit_log as stored. */
export interface AuditRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  details: string;
  prev_hash: string;
  hash: string;
}

const rowHash = (prevHash: string, r: Omit<AuditRow, 'prev_hash' | 'hash'>): string =>
  createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(JSON.stringify([r.seq, r.at, r.actor, r.action, r.entity, r.entity_id, r.details]))
    .digest('hex');

/**
 * Appends one entry to the hash chain. Call it inside the transaction of the write it records, so the
 * record and its audit row commit together or not at all. The head (seq, hash) is also kept in
 * `settings`, which is what lets `verifyChain` notice a truncated tail.
 */
export function appendAudit(db: Db, entry: AuditEntry, at: number = Date.now()): { seq: number; hash: string } {
  // Cached statements: the audit row is written inside every hot write (an escort step, a 劝导 tap).
  const last = stmt<{ seq: number; hash: string }>(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
  const seq = (last?.seq ?? 0) + 1;
  const prev = last?.hash ?? GENESIS_HASH;
  const row = {
    seq,
    at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_id: String(entry.entityId),
    details: JSON.stringify(entry.details ?? {}),
  };
  const hash = rowHash(prev, row);
  stmt(
    db,
    `INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, details, prev_hash, hash)
     VALUES (@seq, @at, @actor, @action, @entity, @entity_id, @details, @prev_hash, @hash)`,
  ).run({ ...row, prev_hash: prev, hash });
  stmt(
    db,
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  ).run(HEAD_KEY, JSON.stringify({ seq, hash }));
  // The record's fact for the city, in this same transaction (city/outbox.ts).
  appendOutboxFor(db, entry, at);
  return { seq, hash };
}

/** Walks the whole chain; returns the first seq whose row, link or position is wrong. */
export function verifyChain(db: Db): AuditVerdict {
  let prev = GENESIS_HASH;
  let expected = 1;
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>;
  for (const r of rows) {
    if (r.seq !== expected) return { ok: false, firstBadSeq: expected, reason: `seq ${expected} is missing` };
    if (r.prev_hash !== prev) return { ok: false, firstBadSeq: r.seq, reason: 'prev_hash does not link' };
    if (rowHash(prev, r) !== r.hash) return { ok: false, firstBadSeq: r.seq, reason: 'row hash mismatch' };
    prev = r.hash;
    expected++;
  }
  const count = expected - 1;
  const headRow = db.prepare('SELECT value FROM settings WHERE key = ?').get(HEAD_KEY) as { value: string } | undefined;
  const head = headRow ? (JSON.parse(headRow.value) as { seq: number; hash: string }) : { seq: 0, hash: GENESIS_HASH };
  if (head.seq !== count || head.hash !== prev) {
    return {
      ok: false,
      firstBadSeq: Math.min(count, head.seq) + 1,
      reason: `chain ends at seq ${count} but its recorded head is seq ${head.seq}`,
    };
  }
  return { ok: true, count, headSeq: count, headHash: prev };
}
