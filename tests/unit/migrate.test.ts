import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations/index';

describe('migrations', () => {
  it('are numbered 1..n without gaps and applied once each', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_m, i) => i + 1));
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(migrations.length);
    expect(migrate(db)).toBe(0);
    expect(schemaVersion(db)).toBe(migrations.length);
  });

  it('rolls a failing migration back whole and records nothing', () => {
    const db = new Database(':memory:');
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE half (x INTEGER) STRICT; SELECT * FROM missing_table;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
  });

  it('refuses a DB from a newer version or with a different history', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)').run(migrations.length + 5, 'future');
    expect(() => migrate(db)).toThrow(/newer/);
    const other = new Database(':memory:');
    migrate(other);
    other.prepare("UPDATE schema_migrations SET name = 'renamed' WHERE version = 1").run();
    expect(() => migrate(other)).toThrow(/不符/);
  });
});
