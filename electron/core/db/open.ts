import Database from 'better-sqlite3';
import { migrate, SchemaError } from './migrate';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the GreenPost database with the durability settings the product
 * promises: WAL with synchronous=FULL so an acknowledged write survives a power cut.
 * `integrity: 'deferred'` skips the page-by-page integrity_check (the core's start runs it in the
 * background, see background-check.ts); a file that is not a database is refused either way.
 */
export function openDatabase(file: string, integrity: 'now' | 'deferred' = 'now'): Db {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // better-sqlite3 leaves WAL at NORMAL, which may lose the last commits on power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check =
      integrity === 'now'
        ? (db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[])
        : [{ integrity_check: 'ok' }];
    if (check.length !== 1 || check[0]?.integrity_check !== 'ok') {
      throw new SchemaError(
        `数据库完整性检查失败 / integrity_check failed: ${check
          .slice(0, 3)
          .map((r) => r.integrity_check)
          .join('; ')}`,
      );
    }
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
