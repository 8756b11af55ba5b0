import Database from 'better-sqlite3';
import type { CarePhase } from '../../../shared/contract/data-care';
import { verifyChain } from '../audit/chain';
import { assertKnownHistory } from '../db/migrate';
import { validation } from '../errors';

export interface BackupVerdict {
  schemaVersion: number;
  auditCount: number;
  auditHeadSeq: number;
}

const refuse = (reason: string) => validation(`备份文件未通过检查，当前数据未改动：${reason}`);
const hasTable = (db: Database.Database, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/**
 * Checks a would-be restore, opened read-only: SQLite's integrity_check, a schema history this
 * version knows (older is fine — it is migrated forward after the swap; newer or different is
 * refused), and an intact audit chain. Throws a VALIDATION error naming the first problem.
 */
export function inspectBackup(file: string, phase: (p: CarePhase) => void = () => undefined): BackupVerdict {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw refuse(`无法打开（${(err as Error).message}）`);
  }
  try {
    phase('integrity');
    let problems: string[];
    try {
      problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (err) {
      throw refuse(`文件已损坏或不是数据库（${(err as Error).message}）`);
    }
    if (problems.length !== 1 || problems[0] !== 'ok') throw refuse(`完整性检查失败：${problems.slice(0, 3).join('；')}`);
    phase('schema');
    if (!hasTable(db, 'schema_migrations') || !hasTable(db, 'audit_log')) throw refuse('这不是绿岗数据库');
    let versions: number[];
    try {
      versions = assertKnownHistory(db);
    } catch (err) {
      throw refuse((err as Error).message);
    }
    phase('audit');
    const chain = verifyChain(db);
    if (!chain.ok) throw refuse(`审计链在序号 ${chain.firstBadSeq} 处被破坏（${chain.reason}）`);
    return { schemaVersion: Math.max(0, ...versions), auditCount: chain.count, auditHeadSeq: chain.headSeq };
  } finally {
    db.close();
  }
}
