import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { appendAudit, verifyChain } from '../../electron/core/audit/chain';
import { migrate } from '../../electron/core/db/migrate';
import { figure, rng, scale } from './scale';

const ROWS = 10_000;

function buildLog() {
  const db = new Database(':memory:');
  migrate(db);
  db.transaction(() => {
    for (let i = 1; i <= ROWS; i++)
      appendAudit(db, { actor: `officer:90000${i % 4}`, action: 'escort.step', entity: 'escort', entityId: i, details: { step: i % 5 } }, 1_700_000_000_000 + i * 1000);
  })();
  return db.serialize();
}

type Tamper = 'edit' | 'delete' | 'insert' | 'reorder' | 'truncate';
const fields = ['at', 'actor', 'action', 'entity', 'entity_id', 'details', 'prev_hash', 'hash'] as const;

/** Tampers "behind the triggers" (as someone with the file and a SQLite shell could); returns the first seq it broke. */
function tamper(db: Database.Database, kind: Tamper, r: ReturnType<typeof rng>): number {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  const k = 1 + r.int(ROWS - 1);
  switch (kind) {
    case 'edit': {
      const field = r.pick(fields);
      const value = field === 'at' ? `${k}` : `tampered-${r.int(1e9)}`;
      db.prepare(`UPDATE audit_log SET ${field} = ${field === 'at' ? 'CAST(? AS INTEGER) + 1' : '?'} WHERE seq = ?`).run(value, k);
      return k;
    }
    case 'delete':
      db.prepare('DELETE FROM audit_log WHERE seq = ?').run(k);
      return k;
    case 'insert': {
      db.prepare('UPDATE audit_log SET seq = seq + 1000000 WHERE seq >= ?').run(k);
      db.prepare('UPDATE audit_log SET seq = seq - 999999 WHERE seq >= 1000000').run();
      const prev = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(k - 1) as { hash: string } | undefined;
      db.prepare(
        "INSERT INTO audit_log VALUES (?, 1, 'officer:900003', 'escort.step', 'escort', '1', '{}', ?, 'forged')",
      ).run(k, prev?.hash ?? '0'.repeat(64));
      return k;
    }
    case 'reorder': {
      const j = k + 1 + r.int(Math.min(50, ROWS - k));
      db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = ?').run(k);
      db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(k, j);
      db.prepare('UPDATE audit_log SET seq = ? WHERE seq = -1').run(j);
      return k;
    }
    case 'truncate':
      db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(k);
      return k;
  }
}

it('R5: random tamperings of a 10,000-row audit log are all detected, with the first bad seq', () => {
  const image = buildLog();
  expect(verifyChain(new Database(image))).toMatchObject({ ok: true, count: ROWS });
  const trials = scale(1_000, 60);
  const r = rng(5);
  const kinds: Tamper[] = ['edit', 'delete', 'insert', 'reorder', 'truncate'];
  let detected = 0;
  let exact = 0;
  for (let t = 0; t < trials; t++) {
    const db = new Database(image);
    const kind = kinds[t % kinds.length]!;
    const broken = tamper(db, kind, r);
    const verdict = verifyChain(db);
    expect(verdict.ok, `${kind} at ${broken}`).toBe(false);
    detected++;
    if (!verdict.ok && verdict.firstBadSeq === broken) exact++;
    expect(verdict, `${kind} at ${broken}`).toMatchObject({ firstBadSeq: broken });
    db.close();
  }
  figure('R5', `${trials} tamperings of ${ROWS} rows: ${((detected / trials) * 100).toFixed(1)}% detected, first bad seq exact in ${exact}/${trials}`);
});
