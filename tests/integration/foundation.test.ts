import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/server';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/http/static';
import { connectClient, expectOk, officerClient, root, startTestCore, tempDataDir, type TestCore } from '../helpers/test-core';

let core: TestCore | undefined;
afterEach(async () => {
  await core?.dispose();
  core = undefined;
});

const auditCount = (c: TestCore) => (c.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;

describe('core HTTP', () => {
  it('serves the booth and kiosk pages with a script-src self CSP', async () => {
    core = await startTestCore();
    for (const path of ['/', '/kiosk']) {
      const res = await fetch(core.url + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval');
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it("serves the kiosk's narration clips from resources/narration, and refuses them to another origin", async () => {
    core = await startTestCore();
    const manifest = await fetch(`${core.url}/narration/manifest.json`);
    expect(manifest.status).toBe(200);
    const { clips } = (await manifest.json()) as { clips: { file: string }[] };
    const clip = await fetch(`${core.url}/narration/${clips[0]!.file}`);
    expect(clip.status).toBe(200);
    expect(clip.headers.get('content-type')).toBe('audio/ogg');
    expect((await clip.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const foreign = await fetch(`${core.url}/narration/${clips[0]!.file}`, { headers: { Origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
  });

  it('does not serve files outside its roots', async () => {
    core = await startTestCore();
    for (const path of ['/media/../../package.json', '/assets/%2e%2e/%2e%2e/package.json', '/..%2fpackage.json']) {
      const res = await fetch(core.url + path);
      expect(res.status, path).not.toBe(200);
    }
  });

  it('binds to 127.0.0.1 by default and refuses a second core on the same data dir', async () => {
    core = await startTestCore();
    expect(core.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(startTestCore({ dataDir: core.dataDir })).rejects.toThrow(/正在使用|in use/);
  });

  it('refuses a data dir it cannot write', async () => {
    // Tests run as root, which ignores mode bits: a path under a regular file cannot be written by anyone.
    const parent = tempDataDir('file');
    writeFileSync(join(parent, 'plain-file'), 'x');
    await expect(startTestCore({ dataDir: join(parent, 'plain-file', 'data') })).rejects.toThrow(/不可写|not writable/);
  });
});

describe('storage', () => {
  it('opens the DB in WAL with synchronous=FULL, foreign keys and STRICT tables', async () => {
    core = await startTestCore();
    const { db } = core.core;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
      sql: string;
    }[];
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT(,\s*WITHOUT ROWID)?\s*$/);
  });

  it('refuses a database written by a newer version, leaving it untouched', async () => {
    const dataDir = tempDataDir('newer');
    core = await startTestCore({ dataDir });
    await core.close();
    const db = new Database(join(dataDir, 'greenpost.db'));
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, 0)').run('from-the-future');
    db.close();
    await expect(startTestCore({ dataDir })).rejects.toThrow(/newer|更新版本/);
    const after = new Database(join(dataDir, 'greenpost.db'));
    expect(after.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: 999 });
    after.close();
  });

  it('runs integrity_check at start and refuses a corrupt file with a clear error', async () => {
    const dataDir = tempDataDir('corrupt');
    writeFileSync(join(dataDir, 'greenpost.db'), Buffer.alloc(8192, 7));
    await expect(
      startCore({ dataDir, port: 0, host: '127.0.0.1', demo: false, webDir: join(root, 'dist-web'), resourcesDir: root, quiet: true }),
    ).rejects.toThrow(/not a database|integrity|完整性/);
  });

  it('checks every page in the background after ready and refuses writes when a page is damaged', async () => {
    const first = await startTestCore({ demo: true });
    expect(await first.integrity).toMatchObject({ ran: true, ok: true });
    await first.close();
    // Junk over one index's root page: the header and schema still read, so the core starts.
    const file = join(first.dataDir, 'greenpost.db');
    const db = new Database(file);
    // Everything into the main file, whatever WAL a closing connection left: the damage goes there.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const page = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'helmet_stops_plate'").pluck().get() as number;
    db.close();
    const bytes = readFileSync(file);
    bytes.fill(0xa5, (page - 1) * pageSize, page * pageSize);
    writeFileSync(file, bytes);

    core = await startTestCore({ dataDir: first.dataDir });
    const verdict = await core.integrity;
    expect(verdict.ran).toBe(true);
    expect(verdict.ok).toBe(false);
    const c = await connectClient(core.url);
    const reply = await c.send('auth:login', { badge: '900003', pin: '123456' });
    c.close();
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(reply.ok ? '' : reply.error.message).toMatch(/只读|read-only/);
  });
});

describe('the contract at the socket', () => {
  it('answers unknown events and bad payloads with typed errors and changes nothing', async () => {
    core = await startTestCore({ demo: true });
    const before = auditCount(core);
    const c = await connectClient(core.url);
    expect(await c.raw('no:such-event', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await c.raw('auth:login', { badge: 12, pin: [] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await c.raw('auth:login', { badge: '900003', pin: '123456', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await c.raw('auth:login', JSON.parse('{"badge":"900003","pin":"123456","__proto__":{"admin":true}}'))).toMatchObject({
      ok: false,
    });
    expect(await c.raw('auth:login')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(auditCount(core)).toBe(before);
    c.close();
  });

  it('lets a socket without a token reach only login, setup and the pairing code', async () => {
    core = await startTestCore({ demo: true });
    const c = await connectClient(core.url);
    expect(c.hello.principal.kind).toBe('anonymous');
    for (const name of ['auth:me', 'auth:logout', 'kiosk:list', 'kiosk:hello']) {
      expect(await c.raw(name, {}), name).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    expect(await c.send('kiosk:pair', { code: '123456' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await c.send('kiosk:requestPairingCode', {})).toMatchObject({ ok: true });
    c.close();
  });

  it('rate-limits the unauthenticated events per address', async () => {
    core = await startTestCore({ demo: true, limits: { publicBurst: 3, publicPerMinute: 1 } });
    const c = await connectClient(core.url);
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(await c.send('kiosk:requestPairingCode', {}));
    expect(replies.slice(0, 3).every((r) => r.ok)).toBe(true);
    expect(replies[4]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    c.close();
  });

  it('closes only the socket that sends a message over 64 KB; the core keeps serving', async () => {
    core = await startTestCore({ demo: true });
    const big = await connectClient(core.url);
    const other = await connectClient(core.url);
    const closed = new Promise<string>((resolve) => big.socket.once('disconnect', resolve));
    void big.raw('auth:login', { badge: '900003', pin: 'x'.repeat(70 * 1024) }).catch(() => undefined);
    expect(await closed).toBeTruthy();
    expect(await other.send('auth:login', { badge: '900003', pin: '123456' })).toMatchObject({ ok: true });
    other.close();
  });
});

describe('identity', () => {
  it('an empty DB asks for setup once; the first admin is created and signed in', async () => {
    core = await startTestCore();
    const c = await connectClient(core.url);
    expect(c.hello.needsSetup).toBe(true);
    expect(await c.send('auth:login', { badge: '900001', pin: '123456' })).toMatchObject({ ok: false }); // no default password
    const grant = expectOk(await c.send('setup:createAdmin', { badge: '100001', name: '赵管理', pin: 'secret-pin' }));
    expect(grant.officer.role).toBe('admin');
    expect(await c.send('setup:createAdmin', { badge: '100002', name: '钱', pin: 'secret-pin' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const admin = await connectClient(core.url, { token: grant.token });
    expect(admin.hello).toMatchObject({ needsSetup: false, principal: { kind: 'officer', officer: { badge: '100001' } } });
    c.close();
    admin.close();
  });

  it('stores PINs slow-hashed and tokens only as hashes', async () => {
    core = await startTestCore({ demo: true });
    const o = await officerClient(core.url, '900003', '123456');
    const row = core.core.db.prepare("SELECT pin_hash FROM officers WHERE badge = '900003'").get() as { pin_hash: string };
    expect(row.pin_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.pin_hash).not.toContain('123456');
    const sessions = core.core.db.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[];
    expect(sessions.map((s) => s.token_hash)).not.toContain(o.token);
    o.close();
  });

  it('locks an account after 5 wrong PINs for 5 minutes, refusing even the right PIN', async () => {
    let now = Date.UTC(2026, 10, 26, 8, 0, 0);
    core = await startTestCore({ demo: true, clock: () => now });
    const c = await connectClient(core.url);
    for (let i = 0; i < 5; i++) {
      const r = await c.send('auth:login', { badge: '900004', pin: 'wrong-pin' });
      expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      if (!r.ok) expect(r.error.message).toMatch(i < 4 ? /错误/ : /锁定/);
    }
    const sixth = await c.send('auth:login', { badge: '900004', pin: '123456' });
    expect(sixth).toMatchObject({ ok: false });
    if (!sixth.ok) expect(sixth.error.message).toContain('锁定');
    now += 5 * 60 * 1000 + 1;
    expect(await c.send('auth:login', { badge: '900004', pin: '123456' })).toMatchObject({ ok: true });
    c.close();
  });

  it('checks roles per event and ends every window of a session at logout', async () => {
    core = await startTestCore({ demo: true });
    const a = await officerClient(core.url, '900003', '123456');
    const b = await connectClient(core.url, { token: a.token });
    expect(expectOk(await a.send('auth:me', {})).badge).toBe('900003');
    const ended = b.next('session:ended');
    expectOk(await a.send('auth:logout', {}));
    expect((await ended)[0].reason).toBe('logout');
    const again = await connectClient(core.url, { token: a.token });
    expect(again.hello.principal.kind).toBe('anonymous');
    a.close();
    b.close();
    again.close();
  });
});

describe('kiosk pairing', () => {
  it('pairs a kiosk screen with a one-time code; the token opens kiosk events only and survives a restart', async () => {
    const dataDir = tempDataDir('pair');
    core = await startTestCore({ demo: true, dataDir });
    const screen = await connectClient(core.url);
    const { code } = expectOk(await screen.send('kiosk:requestPairingCode', {}));
    expect(code).toMatch(/^\d{6}$/);
    const officer = await officerClient(core.url, '900003', '123456');
    const paired = screen.next('kiosk:paired');
    const info = expectOk(await officer.send('kiosk:pair', { code }));
    const [{ token, kiosk }] = await paired;
    expect(kiosk.id).toBe(info.id);
    // Single use: the same code again is refused.
    expect(await officer.send('kiosk:pair', { code })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const device = await connectClient(core.url, { kioskToken: token });
    expect(device.hello.principal).toMatchObject({ kind: 'kiosk', kiosk: { id: info.id } });
    expect(expectOk(await device.send('kiosk:hello', {})).kiosk.id).toBe(info.id);
    expect(await device.send('kiosk:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await device.send('auth:me', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await officer.send('kiosk:hello', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const c of [screen, officer, device]) c.close();
    await core.close();
    core = await startTestCore({ dataDir });
    const after = await connectClient(core.url, { kioskToken: token });
    expect(after.hello.principal.kind).toBe('kiosk');
    after.close();
  });

  it('refuses an expired code', async () => {
    let now = Date.UTC(2026, 10, 26, 8, 0, 0);
    core = await startTestCore({ demo: true, clock: () => now });
    const screen = await connectClient(core.url);
    const { code } = expectOk(await screen.send('kiosk:requestPairingCode', {}));
    const officer = await officerClient(core.url, '900003', '123456');
    now += 5 * 60 * 1000 + 1;
    expect(await officer.send('kiosk:pair', { code })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    screen.close();
    officer.close();
  });

  it('unpairing revokes the token and tells the screen', async () => {
    core = await startTestCore({ demo: true });
    const screen = await connectClient(core.url);
    const { code } = expectOk(await screen.send('kiosk:requestPairingCode', {}));
    const officer = await officerClient(core.url, '900003', '123456');
    const paired = screen.next('kiosk:paired');
    const info = expectOk(await officer.send('kiosk:pair', { code }));
    const [{ token }] = await paired;
    const device = await connectClient(core.url, { kioskToken: token });
    const told = device.next('kiosk:unpaired');
    expectOk(await officer.send('kiosk:unpair', { kioskId: info.id }));
    await told;
    const again = await connectClient(core.url, { kioskToken: token });
    expect(again.hello.principal.kind).toBe('anonymous');
    for (const c of [screen, officer, device, again]) c.close();
  });
});
