import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CareProgress } from '../../shared/contract/data-care';
import { appendAudit, verifyChain } from '../../electron/core/audit/chain';
import { takeBackup } from '../../electron/core/data-care/backup';
import { restoreFromFile } from '../../electron/core/data-care/restore';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations/index';

/** The code's schema version: the highest migration (versions may skip one reserved for another branch). */
const latest = migrations.at(-1)!.version;
import { connectClient, expectOk, officerClient, startTestCore, tempDataDir, type TestClient, type TestCore } from '../helpers/test-core';

let core: TestCore | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await core?.dispose();
  core = undefined;
});

const signIn = async (badge: string) => {
  const c = await officerClient(core!.url, badge, '123456');
  clients.push(c);
  return c;
};
const count = (db: Database.Database, table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
const liveCount = (table: string) => count(core!.core.db, table);
const readOnly = <T>(file: string, read: (db: Database.Database) => T): T => {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
};
const fillAudit = (n: number) =>
  core!.core.db.transaction(() => {
    for (let i = 0; i < n; i++) appendAudit(core!.core.db, { actor: 'test', action: 'test.fill', entity: 'filler', entityId: i, details: { pad: 'x'.repeat(200) } });
  })();

describe('backup (管理 → 备份)', () => {
  it('an admin backs up on demand: progress is pushed, the file is complete and listed, the act audited', async () => {
    core = await startTestCore({ demo: true });
    fillAudit(4000); // about 300 pages: several progress steps
    const admin = await signIn('900001');
    const progress: CareProgress[] = [];
    admin.socket.on('care:progress', (p) => progress.push(p));
    const result = expectOk(await admin.send('backup:run', {}));
    expect(result.file.name).toMatch(/^greenpost-\d{8}-\d{6}\.db$/);
    expect(result.file.path).toBe(join(core.dataDir, 'backups', result.file.name));
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['copy', 'verify', 'done']));
    expect(progress.at(-1)).toEqual({ operation: 'backup', phase: 'done', percent: 100 });
    expect(progress.filter((p) => p.phase === 'copy').length).toBeGreaterThan(2);
    // Sealed: one self-contained file in rollback-journal mode, whole, with the chain intact.
    expect(readdirSync(join(core.dataDir, 'backups'))).toEqual([result.file.name]);
    readOnly(result.file.path, (db) => {
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyChain(db)).toMatchObject({ ok: true });
    });
    const overview = expectOk(await admin.send('backup:overview', {}));
    expect(overview.files.map((f) => f.name)).toEqual([result.file.name]);
    expect(overview.last).toMatchObject({ ok: true, file: result.file.name, trigger: 'manual' });
    expect(core.core.db.prepare("SELECT actor FROM audit_log WHERE action = 'backup.create'").pluck().all()).toEqual(['officer:900001']);
    const chief = await signIn('900002');
    expect(await chief.send('backup:run', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a backup taken during writes is the database as it stood when the copy finished', async () => {
    core = await startTestCore({ demo: true });
    fillAudit(3000);
    const before = liveCount('audit_log');
    let writing = true;
    let atCopyEnd: number | undefined;
    const writer = new Promise<number>((resolve) => {
      let written = 0;
      const step = () => {
        if (!writing) return resolve(written);
        core!.core.db.transaction(() => appendAudit(core!.core.db, { actor: 'writer', action: 'test.write', entity: 'w', entityId: written++ }))();
        setImmediate(step);
      };
      setImmediate(step);
    });
    const result = await takeBackup(core.core, {
      trigger: 'manual',
      actor: 'test',
      pagesPerStep: 1,
      // 'verify' is emitted in the same turn the copy ends, before any further write runs.
      onProgress: (p) => {
        if (p.phase === 'verify') atCopyEnd = liveCount('audit_log');
      },
    });
    writing = false;
    const written = await writer;
    expect(written).toBeGreaterThan(20);
    const inBackup = readOnly(result.file.path, (db) => {
      expect(verifyChain(db)).toMatchObject({ ok: true });
      return count(db, 'audit_log');
    });
    expect(inBackup).toBeGreaterThan(before);
    expect(inBackup).toBe(atCopyEnd);
    const officers = readOnly(result.file.path, (db) => count(db, 'officers'));

    await restoreFromFile(core.core, result.file.path, { actor: 'test' });
    expect(core.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Everything in the backup, plus the restore's own audit row.
    expect(liveCount('audit_log')).toBe(inBackup + 1);
    expect(liveCount('officers')).toBe(officers);
    expect(verifyChain(core.core.db)).toMatchObject({ ok: true, count: inBackup + 1 });
  });

  it('refuses a second backup or a restore while one runs', async () => {
    core = await startTestCore({ demo: true });
    fillAudit(1000);
    const slow = takeBackup(core.core, { trigger: 'manual', actor: 'test', pagesPerStep: 1 });
    await expect(takeBackup(core.core, { trigger: 'manual', actor: 'test' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(restoreFromFile(core.core, (await slow).file.path, { actor: 'test' })).resolves.toMatchObject({ schemaVersion: latest });
  });

  it('a failed backup (folder not writable) is reported, audited and recorded, and leaves no partial file', async () => {
    core = await startTestCore({ demo: true });
    const admin = await signIn('900001');
    const blocker = join(core.dataDir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    core.core.db
      .prepare("INSERT INTO settings (key, value) VALUES ('post_settings', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .run(JSON.stringify({ backupFolder: join(blocker, 'backups') }));
    const r = await admin.send('backup:run', {});
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('备份失败') } });
    expect(expectOk(await admin.send('backup:overview', {})).last).toMatchObject({ ok: false, trigger: 'manual' });
    expect(core.core.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'backup.failed'").pluck().get()).toBe(1);
  });
});

describe('restore', () => {
  it('brings the data back to the backup, keeps the replaced database, and makes every screen reconnect', async () => {
    core = await startTestCore({ demo: true });
    const admin = await signIn('900001');
    const officer = await signIn('900003');
    const backup = expectOk(await admin.send('backup:run', {}));
    expectOk(await admin.send('officers:create', { badge: '310009', name: '后来者', role: 'officer', pin: 'later-pin' }));
    expectOk(await admin.send('settings:update', { postName: '改过的名字' }));
    const restoredPush = officer.next('data:restored');
    const dropped = new Promise<string>((resolve) => officer.socket.once('disconnect', resolve));
    const result = expectOk(await admin.send('backup:restore', { path: backup.file.path }));
    expect((await restoredPush)[0].restoredFrom).toBe(backup.file.path);
    expect(await dropped).toBe('transport close');
    expect(result).toMatchObject({ restoredFrom: backup.file.path, schemaVersion: latest });
    expect(core.core.db.prepare("SELECT COUNT(*) FROM officers WHERE badge = '310009'").pluck().get()).toBe(0);
    // The database that was live until the restore is kept whole, with the later changes in it.
    expect(result.keptAs).toMatch(/greenpost-before-restore-\d{8}-\d{6}\.db$/);
    readOnly(result.keptAs, (db) => {
      expect(db.prepare("SELECT name FROM officers WHERE badge = '310009'").pluck().get()).toBe('后来者');
      expect(verifyChain(db)).toMatchObject({ ok: true });
    });
    expect(readdirSync(core.dataDir).filter((f) => f.startsWith('restore-staging'))).toEqual([]);
    // The sessions in the backup still hold: the admin's window comes back signed in, on the old data.
    const again = await connectClient(core.url, { token: (admin as TestClient & { token: string }).token });
    clients.push(again);
    expect(again.hello).toMatchObject({ postName: '聊城交警 市医院岗', principal: { kind: 'officer', officer: { badge: '900001' } } });
    expect(expectOk(await again.send('audit:query', { action: 'backup.restore' })).rows[0]).toMatchObject({
      actor: 'officer:900001',
      details: { from: backup.file.path, keptAs: result.keptAs },
    });
    expect(verifyChain(core.core.db)).toMatchObject({ ok: true });
  });

  it('restores a backup from an older version and migrates it forward', async () => {
    core = await startTestCore({ demo: true });
    const old = join(tempDataDir('old'), 'old.db');
    const db = new Database(old);
    migrate(db, migrations.slice(0, 1));
    appendAudit(db, { actor: 'old', action: 'old.write', entity: 'x', entityId: 1 });
    db.close();
    const result = await restoreFromFile(core.core, old, { actor: 'test' });
    expect(result.schemaVersion).toBe(1);
    expect(schemaVersion(core.core.db)).toBe(latest);
    expect(verifyChain(core.core.db)).toMatchObject({ ok: true, count: 2 });
  });

  describe('refuses a bad file and leaves the live database untouched', () => {
    const cases: [string, (backup: string, dir: string) => string, RegExp][] = [
      [
        'a corrupted file',
        (backup, dir) => {
          const bytes = readFileSync(backup);
          // Overwrite a page in the middle (not the header): SQLite opens it and integrity_check catches it.
          bytes.fill(0x5a, 4096 * 3, 4096 * 3 + 2048);
          const f = join(dir, 'corrupt.db');
          writeFileSync(f, bytes);
          return f;
        },
        /完整性|损坏/,
      ],
      [
        'a file from a newer version',
        (backup, dir) => {
          const f = join(dir, 'newer.db');
          writeFileSync(f, readFileSync(backup));
          const db = new Database(f);
          db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, 0)').run('from-the-future');
          db.close();
          return f;
        },
        /更新版本/,
      ],
      [
        'a file whose schema history differs',
        (backup, dir) => {
          const f = join(dir, 'other.db');
          writeFileSync(f, readFileSync(backup));
          const db = new Database(f);
          db.prepare("UPDATE schema_migrations SET name = 'someone-else' WHERE version = 1").run();
          db.close();
          return f;
        },
        /不符/,
      ],
      [
        'a file whose audit chain was tampered with',
        (backup, dir) => {
          const f = join(dir, 'tampered.db');
          writeFileSync(f, readFileSync(backup));
          const db = new Database(f);
          db.exec('DROP TRIGGER audit_log_no_update');
          db.prepare("UPDATE audit_log SET actor = 'officer:999999' WHERE seq = 2").run();
          db.close();
          return f;
        },
        /审计链在序号 2 处被破坏/,
      ],
      [
        'a file that is not a database',
        (_backup, dir) => {
          const f = join(dir, 'notes.db');
          writeFileSync(f, '这不是数据库'.repeat(500));
          return f;
        },
        /损坏或不是数据库|无法打开/,
      ],
      [
        'a SQLite database that is not GreenPost’s',
        (_backup, dir) => {
          const f = join(dir, 'foreign.db');
          const db = new Database(f);
          db.exec('CREATE TABLE t (x INTEGER)');
          db.close();
          return f;
        },
        /不是绿岗数据库/,
      ],
    ];

    it.each(cases)('%s', async (_label, make, message) => {
      core = await startTestCore({ demo: true });
      const admin = await signIn('900001');
      const backup = expectOk(await admin.send('backup:run', {}));
      expectOk(await admin.send('settings:update', { postName: '恢复前的名字' }));
      const bad = make(backup.file.path, tempDataDir('bad'));
      const liveBefore = core.core.db;
      const auditBefore = liveCount('audit_log');
      const filesBefore = readdirSync(core.dataDir).sort();
      const progress: CareProgress[] = [];
      admin.socket.on('care:progress', (p) => progress.push(p));
      const r = await admin.send('backup:restore', { path: bad });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(message) } });
      if (!r.ok) expect(r.error.message).toContain('当前数据未改动');
      expect(progress.at(-1)).toMatchObject({ operation: 'restore', phase: 'failed' });
      expect(core.core.db).toBe(liveBefore);
      expect(core.core.db.open).toBe(true);
      expect(liveCount('audit_log')).toBe(auditBefore);
      expect(expectOk(await admin.send('settings:get', {})).postName).toBe('恢复前的名字');
      expect(readdirSync(core.dataDir).sort()).toEqual(filesBefore);
    });

    it('a missing file or the live database itself', async () => {
      core = await startTestCore({ demo: true });
      const admin = await signIn('900001');
      expect(await admin.send('backup:restore', { path: join(core.dataDir, 'nope.db') })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await admin.send('backup:restore', { path: join(core.dataDir, 'greenpost.db') })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringContaining('正在使用') },
      });
      expect(existsSync(join(core.dataDir, 'greenpost.db'))).toBe(true);
      expect(await admin.send('auth:me', {})).toMatchObject({ ok: true });
    });
  });
});
