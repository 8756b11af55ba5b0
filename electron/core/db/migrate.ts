import type { Database } from 'better-sqlite3';
import { migrations as shipped } from './migrations/index';

export class SchemaError extends Error {}

type Migration = { version: number; name: string; sql: string };

/**
 * Applies pending migrations, each in its own transaction, and records them in `schema_migrations`.
 * Refuses a database written by a newer GreenPost (a version we do not know) or one whose recorded
 * history differs from ours.
 */
export function migrate(db: Database, migrations: ReadonlyArray<Migration> = shipped): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const applied = assertKnownHistory(db, migrations);
  const done = new Set(applied);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  let count = 0;
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, Date.now());
    })();
    count++;
  }
  return count;
}

/**
 * Throws unless every migration recorded in `db` is one of ours under the same name; returns the
 * recorded versions. Read-only, so a backup can be checked before it is restored.
 */
export function assertKnownHistory(db: Database, migrations: ReadonlyArray<Migration> = shipped): number[] {
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
  }[];
  const known = new Map(migrations.map((m) => [m.version, m.name]));
  for (const row of applied) {
    const name = known.get(row.version);
    if (name === undefined) {
      throw new SchemaError(
        `数据库由更新版本的绿岗写入（架构版本 ${row.version}），本程序无法打开 / database was written by a newer GreenPost (schema ${row.version})`,
      );
    }
    if (name !== row.name) {
      throw new SchemaError(`数据库架构 ${row.version} 与本程序不符（${row.name} ≠ ${name}）`);
    }
  }
  return applied.map((r) => r.version);
}

export const schemaVersion = (db: Database): number =>
  (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
