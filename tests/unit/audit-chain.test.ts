import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyChain } from '../../electron/core/audit/chain';
import { migrate } from '../../electron/core/db/migrate';
import type { Db } from '../../electron/core/db/open';

let db: Db;
beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
  for (let i = 1; i <= 20; i++) appendAudit(db, { actor: 'officer:900003', action: 'test.write', entity: 'thing', entityId: i, details: { i } }, 1_000 + i);
});

/** Tampering "behind the triggers", as someone with the DB file and a SQLite shell could. */
const behindTriggers = (sql: string, ...args: unknown[]) => {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.prepare(sql).run(...args);
};

describe('audit hash chain', () => {
  it('verifies an intact chain and reports its head', () => {
    const v = verifyChain(db);
    expect(v).toMatchObject({ ok: true, count: 20, headSeq: 20 });
  });

  it('refuses UPDATE and DELETE through its triggers', () => {
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 3").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only/);
  });

  it.each([
    ['an edited field', "UPDATE audit_log SET details = '{\"i\":99}' WHERE seq = 7", 7],
    ['a deleted row', 'DELETE FROM audit_log WHERE seq = 7', 7],
    ['a truncated tail', 'DELETE FROM audit_log WHERE seq > 15', 16],
    ['a reordered pair', 'UPDATE audit_log SET seq = CASE seq WHEN 7 THEN 8 ELSE 7 END WHERE seq IN (7, 8)', 7],
  ])('detects %s and reports the first bad seq', (_label, sql, firstBad) => {
    if (sql.includes('CASE')) {
      behindTriggers('UPDATE audit_log SET seq = -7 WHERE seq = 7');
      db.prepare('UPDATE audit_log SET seq = 7 WHERE seq = 8').run();
      db.prepare('UPDATE audit_log SET seq = 8 WHERE seq = -7').run();
    } else behindTriggers(sql);
    expect(verifyChain(db)).toMatchObject({ ok: false, firstBadSeq: firstBad });
  });

  it('detects an inserted row', () => {
    behindTriggers('UPDATE audit_log SET seq = seq + 100 WHERE seq >= 10');
    db.prepare('UPDATE audit_log SET seq = seq - 99 WHERE seq >= 110').run();
    db.prepare(
      "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, details, prev_hash, hash) VALUES (10, 1, 'x', 'y', 'z', '1', '{}', 'a', 'b')",
    ).run();
    expect(verifyChain(db)).toMatchObject({ ok: false, firstBadSeq: 10 });
  });
});
