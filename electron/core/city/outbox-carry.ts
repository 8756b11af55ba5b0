import Database from 'better-sqlite3';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { ACKED_KEY } from './shipper';

interface OutboxRow {
  seq: number;
  at: number;
  kind: string;
  entity_id: number;
  payload: string;
  prev_hash: string;
  hash: string;
}

/** What a restore brings over from the database it replaces: the outbox the city knows, and how far it got. */
export interface OutboxCarry {
  rows: OutboxRow[];
  /** The backup's outbox is not a prefix of the live one (another install's backup): the live one replaces it. */
  replaceAll: boolean;
  ackedSeq: number;
}

const columns = 'seq, at, kind, entity_id, payload, prev_hash, hash';

/**
 * A restore rolls the records back, never the outbox: what was written since the backup (and perhaps
 * shipped) stays, or the next event would reuse a seq the city already holds with another hash and be
 * refused as tampering. Read before the swap, from the live database and the staged backup.
 */
export function takeOutbox(live: Db, stagedPath: string): OutboxCarry {
  const staged = new Database(stagedPath, { readonly: true, fileMustExist: true });
  let head: { seq: number; hash: string } | undefined;
  try {
    const hasOutbox = staged.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").get();
    head = hasOutbox
      ? (staged.prepare('SELECT seq, hash FROM outbox ORDER BY seq DESC LIMIT 1').get() as typeof head)
      : undefined;
  } finally {
    staged.close();
  }
  const ackedSeq = Number(
    stmt<{ value: string }>(live, 'SELECT value FROM settings WHERE key = ?').get(ACKED_KEY)?.value ?? 0,
  );
  const prefix =
    !head || stmt<{ hash: string }>(live, 'SELECT hash FROM outbox WHERE seq = ?').get(head.seq)?.hash === head.hash;
  const from = prefix ? (head?.seq ?? 0) : 0;
  return {
    rows: stmt<OutboxRow>(live, `SELECT ${columns} FROM outbox WHERE seq > ? ORDER BY seq`).all(from),
    replaceAll: !prefix,
    ackedSeq,
  };
}

/** After the swap, in one transaction: the live tail (or the whole live outbox) and the acknowledged mark. */
export function putOutbox(db: Db, carry: OutboxCarry): void {
  db.transaction(() => {
    if (carry.replaceAll) {
      // The only place an outbox row is ever removed: to put back the outbox the city already holds.
      db.exec('DROP TRIGGER outbox_no_delete; DELETE FROM outbox;');
      db.exec(
        "CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox BEGIN SELECT RAISE(ABORT, 'an outbox event cannot be deleted'); END;",
      );
    }
    const insert = stmt(db, `INSERT INTO outbox (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    for (const r of carry.rows) insert.run(r.seq, r.at, r.kind, r.entity_id, r.payload, r.prev_hash, r.hash);
    const restored = Number(
      stmt<{ value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(ACKED_KEY)?.value ?? 0,
    );
    stmt(
      db,
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(ACKED_KEY, String(Math.max(restored, carry.ackedSeq)));
  })();
}
