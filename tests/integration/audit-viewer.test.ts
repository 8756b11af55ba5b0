import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../electron/core/audit/chain';
import { expectOk, officerClient, startTestCore, type TestClient, type TestCore } from '../helpers/test-core';

let core: TestCore | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await core?.dispose();
  core = undefined;
});

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;

async function seeded() {
  core = await startTestCore({ demo: true });
  const db = core.core.db;
  db.transaction(() => {
    for (let i = 0; i < 30; i++)
      appendAudit(db, { actor: i % 2 ? 'officer:900003' : 'officer:900004', action: i % 3 ? 'escort.step' : 'escort.create', entity: 'escort', entityId: i, details: { i } }, T0 + i * HOUR);
    appendAudit(db, { actor: 'officer:50%_off', action: 'escort.create', entity: 'escort', entityId: 99 }, T0 + 40 * HOUR);
  })();
  const admin = await officerClient(core.url, '900001', '123456');
  clients.push(admin);
  return admin;
}

describe('audit viewer (管理 → 审计)', () => {
  it('pages newest first and filters by who, what and when', async () => {
    const admin = await seeded();
    const all = expectOk(await admin.send('audit:query', { pageSize: 10 }));
    expect(all.rows).toHaveLength(10);
    expect(all.rows.map((r) => r.seq)).toEqual([...all.rows.map((r) => r.seq)].sort((a, b) => b - a));
    const page2 = expectOk(await admin.send('audit:query', { pageSize: 10, page: 2 }));
    expect(page2.rows[0]!.seq).toBe(all.rows[9]!.seq - 1);
    expect(page2.total).toBe(all.total);

    const byWho = expectOk(await admin.send('audit:query', { actor: '900003', action: 'escort.step', pageSize: 200 }));
    expect(byWho.rows.every((r) => r.actor === 'officer:900003' && r.action === 'escort.step')).toBe(true);
    expect(byWho.total).toBe([...Array(30).keys()].filter((i) => i % 2 === 1 && i % 3 !== 0).length);

    const byEntity = expectOk(await admin.send('audit:query', { action: 'escort.', pageSize: 200 }));
    expect(byEntity.total).toBe(31);

    const byTime = expectOk(await admin.send('audit:query', { action: 'escort.', from: T0 + 10 * HOUR, to: T0 + 19 * HOUR }));
    expect(byTime.rows.map((r) => r.entityId)).toEqual(['19', '18', '17', '16', '15', '14', '13', '12', '11', '10']);
    expect(byTime.rows[0]).toMatchObject({ details: { i: 19 }, entity: 'escort', at: T0 + 19 * HOUR });

    // % and _ typed in a filter are literal characters, not wildcards.
    expect(expectOk(await admin.send('audit:query', { actor: '50%_' })).total).toBe(1);
    expect(expectOk(await admin.send('audit:query', { actor: '%' })).total).toBe(1);

    expect(expectOk(await admin.send('audit:actions', {}))).toEqual(expect.arrayContaining(['escort.create', 'escort.step', 'officer.create', 'auth.login']));
  });

  it('refuses a backwards time range and non-admins', async () => {
    const admin = await seeded();
    expect(await admin.send('audit:query', { from: T0 + HOUR, to: T0 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('开始时间不能晚于结束时间') },
    });
    expect(await admin.send('audit:query', { pageSize: 1000 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('每页最多 200 条') } });
    const chief = await officerClient(core!.url, '900002', '123456');
    clients.push(chief);
    for (const name of ['audit:query', 'audit:verify', 'audit:actions'] as const)
      expect(await chief.send(name, {}), name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('校验 reports the chain intact with its head, or the first bad seq after tampering', async () => {
    const admin = await seeded();
    const intact = expectOk(await admin.send('audit:verify', {}));
    const total = core!.core.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
    const head = core!.core.db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() as string;
    expect(intact).toEqual({ ok: true, count: total, headSeq: total, headHash: head });
    core!.core.db.exec('DROP TRIGGER audit_log_no_update');
    core!.core.db.prepare("UPDATE audit_log SET details = '{\"i\":999}' WHERE seq = 12").run();
    expect(expectOk(await admin.send('audit:verify', {}))).toMatchObject({ ok: false, firstBadSeq: 12 });
  });
});
