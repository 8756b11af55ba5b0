import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations/index';

const versions = migrations.map((m) => m.version);
/** The code's schema version: the highest migration. */
const latest = versions.at(-1)!;

describe('migrations', () => {
  // A version may be skipped while it is reserved for a branch not yet merged (8, before 009-handover).
  it('are numbered in ascending order from 1 and applied once each', () => {
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(migrations.length);
    expect(migrate(db)).toBe(0);
    expect(schemaVersion(db)).toBe(latest);
  });

  it('rolls a failing migration back whole and records nothing', () => {
    const db = new Database(':memory:');
    const broken = [...migrations, { version: latest + 1, name: 'broken', sql: 'CREATE TABLE half (x INTEGER) STRICT; SELECT * FROM missing_table;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(latest);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
  });

  it('refuses a DB from a newer version or with a different history', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)').run(latest + 5, 'future');
    expect(() => migrate(db)).toThrow(/newer/);
    const other = new Database(':memory:');
    migrate(other);
    other.prepare("UPDATE schema_migrations SET name = 'renamed' WHERE version = 1").run();
    expect(() => migrate(other)).toThrow(/不符/);
  });
});
