import { afterEach, describe, expect, it } from 'vitest';
import type { HandoverRecord, SignHandoverInput } from '../../shared/contract/handover';
import { localToUtc } from '../../shared/domain/time';
import { pushOf, twoOfficerCore } from '../helpers/escort-officers';
import { insertHelmetStop } from '../helpers/report-fixtures';
import { expectOk, type TestClient, type TestCore } from '../helpers/test-core';

let core: TestCore | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await core?.dispose();
  core = undefined;
});

const SH = 'Asia/Shanghai';
/** 2026-03-10 18:30 China time: late in the day shift (08:00–20:00). The clock only moves forward. */
let now = localToUtc(SH, 2026, 3, 10, 18, 30);
const minutes = (n: number) => n * 60_000;

async function twoOfficers(start = localToUtc(SH, 2026, 3, 10, 18, 30)) {
  now = start;
  const started = await twoOfficerCore(() => now);
  core = started.core;
  clients.push(started.a, started.b);
  return started;
}

const db = () => core!.core.db;
const count = (sql: string) => (db().prepare(sql).get() as { n: number }).n;
/** Everything a refused handover must leave as it was (the audit log aside: failed PINs are audited). */
const written = () => ({
  handovers: count('SELECT COUNT(*) AS n FROM handovers'),
  crews: count('SELECT COUNT(*) AS n FROM escort_officers'),
  versions: count('SELECT COALESCE(SUM(version), 0) AS n FROM escorts'),
  signAudits: count(`SELECT COUNT(*) AS n FROM audit_log WHERE action IN ('handover.sign', 'escort.takeOver')`),
});

/** 张伟 (900003, signed in as `a`) hands over to 刘洋 (900004). */
const signing = (takeOver: number[], over: Partial<SignHandoverInput> = {}): SignHandoverInput => ({
  incomingBadge: '900004',
  incomingPin: '123456',
  outgoingPin: '123456',
  notes: '东门施工，救护车改走北门',
  takeOver,
  ...over,
});

type Refusable = { ok: boolean; error?: { code: string; message: string } };
const refusal = (reply: unknown) => {
  const ack = reply as Refusable;
  expect(ack.ok).toBe(false);
  return ack.error!;
};

describe('交接班 over the real core', () => {
  it('drafts the shift: open escorts, the shift’s escorts and outcomes, helmet stops, 劝导, kiosks', async () => {
    const { a } = await twoOfficers();
    const open = expectOk(await a.send('escort:create', { plate: '鲁P11111', condition: 'stroke' }));
    now += minutes(1);
    let done = expectOk(await a.send('escort:create', { plate: '鲁P22222' }));
    for (const step of ['met', 'departed', 'arrived', 'handedOver'] as const) {
      now += minutes(2);
      done = expectOk(await a.send('escort:advance', { id: done.id, version: done.version, step }));
    }
    expectOk(await a.send('advisory:tap', { kind: 'parking' }));
    expectOk(await a.send('advisory:tap', { kind: 'parking' }));
    // One stop in this shift, one in the morning's night shift (not counted), one cancelled (listed only).
    insertHelmetStop(db(), { stoppedAt: now - minutes(30), outcome: 'completed' });
    insertHelmetStop(db(), { stoppedAt: now - minutes(40), outcome: 'cancelled' });
    insertHelmetStop(db(), { stoppedAt: localToUtc(SH, 2026, 3, 10, 7, 0), outcome: 'fined' });

    const draft = expectOk(await a.send('handover:draft', {}));
    expect(draft.outgoing).toMatchObject({ badge: '900003', name: '张伟' });
    const c = draft.contents;
    expect(c).toMatchObject({
      shift: 'day',
      shiftDate: '2026-03-10',
      shiftStart: localToUtc(SH, 2026, 3, 10, 8),
      shiftEnd: localToUtc(SH, 2026, 3, 10, 20),
      timeZone: SH,
      asOf: now,
      escortOutcomes: { handedOver: 1, cancelled: 0, open: 1 },
      advisories: { total: 2, byKind: { parking: 2, stopAndGo: 0, other: 0 } },
      helmetStops: { total: 1, byOutcome: { completed: 1, cancelled: 1, fined: 0 } },
      kiosks: { paired: 0, online: 0, names: [] },
    });
    expect(c.openEscorts.map((e) => [e.id, e.plate, e.status])).toEqual([[open.id, '鲁P11111', 'requested']]);
    expect(c.shiftEscorts.map((e) => e.plate)).toEqual(['鲁P11111', '鲁P22222']);
    expect(c.shiftEscorts[1]).toMatchObject({ status: 'handedOver', closedAt: done.times.handedOver });
  });

  it('needs both PINs: a missing or wrong PIN of either officer is refused in words and writes nothing', async () => {
    const { a } = await twoOfficers();
    const escort = expectOk(await a.send('escort:create', { plate: '鲁P33333' }));
    const before = written();

    const noOutgoing = refusal(await a.raw('handover:sign', { ...signing([escort.id]), outgoingPin: undefined }));
    expect(noOutgoing).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('请输入交班民警密码') });
    const noIncoming = refusal(await a.send('handover:sign', signing([escort.id], { incomingPin: '' })));
    expect(noIncoming.message).toContain('请输入接班民警密码');
    const wrongOutgoing = refusal(await a.send('handover:sign', signing([escort.id], { outgoingPin: '654321' })));
    expect(wrongOutgoing.message).toBe('交班民警 张伟（900003）：密码错误（还可尝试 4 次）');
    const wrongIncoming = refusal(await a.send('handover:sign', signing([escort.id], { incomingPin: '654321' })));
    expect(wrongIncoming.message).toBe('接班民警 刘洋（900004）：密码错误（还可尝试 4 次）');
    expect(written()).toEqual(before);
    // The failed signatures count and are audited as failed logins are.
    const failures = db()
      .prepare(`SELECT actor FROM audit_log WHERE action = 'auth.login_failed' ORDER BY seq`)
      .all() as { actor: string }[];
    expect(failures.map((f) => f.actor)).toEqual(['officer:900003', 'officer:900004']);

    // A right PIN clears the count, as a login does; the handover then goes through.
    expectOk(await a.send('handover:sign', signing([escort.id])));
    expect(count(`SELECT COALESCE(SUM(failed_logins), 0) AS n FROM officers`)).toBe(0);
  });

  it('shares the login lockout: five wrong incoming PINs lock that account, even for the right PIN', async () => {
    const { a } = await twoOfficers();
    for (let i = 1; i <= 4; i++) {
      now += 1000;
      expect(refusal(await a.send('handover:sign', signing([], { incomingPin: '000000' }))).message).toContain(
        `还可尝试 ${5 - i} 次`,
      );
    }
    now += 1000;
    expect(refusal(await a.send('handover:sign', signing([], { incomingPin: '000000' }))).message).toBe(
      '接班民警 刘洋（900004）：密码错误次数过多，账号已锁定 5 分钟',
    );
    expect(refusal(await a.send('handover:sign', signing([]))).message).toBe(
      '接班民警 刘洋（900004）：账号已锁定，请 5 分钟后再试',
    );
    expect(count('SELECT COUNT(*) AS n FROM handovers')).toBe(0);
  });

  it('refuses the same officer twice, an unknown badge, over-long notes and an open escort not taken over', async () => {
    const { a } = await twoOfficers();
    const first = expectOk(await a.send('escort:create', { plate: '鲁P44444' }));
    now += minutes(1);
    const second = expectOk(await a.send('escort:create', { plate: '鲁P55555' }));
    const before = written();
    const both = [first.id, second.id];

    expect(refusal(await a.send('handover:sign', signing(both, { incomingBadge: '900003' }))).message).toBe(
      '接班民警不能是交班民警本人：请由接班民警输入自己的警号和密码',
    );
    expect(refusal(await a.send('handover:sign', signing(both, { incomingBadge: '123457' }))).message).toBe(
      '没有警号为 123457 的在职民警，请核对接班民警警号',
    );
    expect(refusal(await a.send('handover:sign', signing(both, { notes: '很'.repeat(501) }))).message).toContain(
      '交接备注最多 500 个字',
    );
    const left = refusal(await a.send('handover:sign', signing([first.id])));
    expect(left).toMatchObject({ code: 'VALIDATION' });
    expect(left.message).toBe('进行中的护送必须由接班民警接管：鲁P55555（' + second.id + ' 号） 尚未勾选接管');
    expect(refusal(await a.send('handover:sign', signing([...both, 9999]))).message).toContain('9999 号已不在进行中');
    expect(refusal(await a.send('handover:sign', signing([first.id, first.id]))).message).toContain(
      '接管的护送列表有重复',
    );
    expect(written()).toEqual(before);
    // None of these got as far as a PIN check.
    expect(count(`SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'auth.%failed'`)).toBe(0);
  });

  it('signs: open escorts join the incoming crew (pushed, audited); the record keeps what it was signed with', async () => {
    const { a, b } = await twoOfficers();
    const open = expectOk(await a.send('escort:create', { plate: '鲁P66666', condition: 'cardiac' }));
    now += minutes(5);
    const pushed = pushOf(b, open.id, open.version + 1);
    const record = expectOk(await a.send('handover:sign', signing([open.id])));
    expect(record).toMatchObject({
      signedAt: now,
      outgoing: { badge: '900003', name: '张伟' },
      incoming: { badge: '900004', name: '刘洋' },
      notes: '东门施工，救护车改走北门',
      takenOver: [open.id],
    });
    expect(record.contents.openEscorts[0]!.officers.map((o) => o.badge)).toEqual(['900003', '900004']);
    expect((await pushed).officers.map((o) => o.name)).toEqual(['张伟', '刘洋']);

    const audit = db()
      .prepare(
        `SELECT actor, action, entity_id, details FROM audit_log WHERE action IN ('handover.sign', 'escort.takeOver') ORDER BY seq`,
      )
      .all() as { actor: string; action: string; entity_id: string; details: string }[];
    expect(audit.map((r) => [r.actor, r.action, r.entity_id])).toEqual([
      ['officer:900003', 'escort.takeOver', String(open.id)],
      ['officer:900003', 'handover.sign', String(record.id)],
    ]);
    expect(JSON.parse(audit[1]!.details)).toMatchObject({
      incoming: '900004',
      outgoing: '900003',
      takenOver: [open.id],
    });

    // The escort changes afterwards; the signed handover does not.
    const current = expectOk(await b.send('escort:detail', { id: open.id })).escort;
    expectOk(
      await b.send('escort:edit', {
        id: open.id,
        version: current.version,
        reason: '号牌看错',
        changes: { plate: '鲁P77777' },
      }),
    );
    const again = expectOk(await b.send('handover:detail', { id: record.id }));
    expect(again).toEqual(record);
    expect(again.contents.openEscorts[0]!.plate).toBe('鲁P66666');
  });

  it('cannot be changed afterwards: no such event, and SQL itself refuses UPDATE and DELETE', async () => {
    const { a } = await twoOfficers();
    const record = expectOk(await a.send('handover:sign', signing([])));
    for (const name of ['handover:edit', 'handover:update', 'handover:delete'])
      expect(await a.raw(name, { id: record.id, notes: '改' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    expect(() => db().prepare(`UPDATE handovers SET notes = '改过' WHERE id = ?`).run(record.id)).toThrow(
      /signed handover cannot be changed/,
    );
    expect(() => db().prepare('DELETE FROM handovers WHERE id = ?').run(record.id)).toThrow(/cannot be deleted/);
    expect(() => db().prepare('DELETE FROM handovers').run()).toThrow(/cannot be deleted/);
    expect(expectOk(await a.send('handover:detail', { id: record.id }))).toEqual(record);
  });

  it('lists by the day it was signed in the post’s zone, across midnight', async () => {
    // 23:50 and 00:10 China time are both the night shift of the 10th, but signed on two days;
    // 00:10 on the 11th is still the 10th in UTC.
    const { a } = await twoOfficers(localToUtc(SH, 2026, 3, 10, 23, 50));
    const late = expectOk(await a.send('handover:sign', signing([])));
    now = localToUtc(SH, 2026, 3, 11, 0, 10);
    const early = expectOk(await a.send('handover:sign', signing([], { notes: '' })));
    expect(early.notes).toBeNull();
    expect([late.contents.shiftDate, early.contents.shiftDate]).toEqual(['2026-03-10', '2026-03-10']);
    expect(late.contents.shift).toBe('night');

    const ids = async (date: string) =>
      expectOk(await a.send('handover:list', { date })).rows.map((r: HandoverRecord) => r.id);
    expect(await ids('2026-03-10')).toEqual([late.id]);
    expect(await ids('2026-03-11')).toEqual([early.id]);
    expect(await ids('2026-03-12')).toEqual([]);
    expect(refusal(await a.send('handover:list', { date: '2026-02-30' })).message).toContain('无效');
  });

  it('stamps a print with its own audit entry', async () => {
    const { a } = await twoOfficers();
    const record = expectOk(await a.send('handover:sign', signing([])));
    const stamp = expectOk(await a.send('handover:printStamp', { id: record.id, via: 'browser' }));
    const head = db().prepare('SELECT seq, hash, action FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    expect(head).toEqual({ seq: stamp.auditSeq, hash: stamp.auditHash, action: 'handover.print' });
    expect(stamp).toMatchObject({ handover: record, printedBy: { badge: '900003' } });
    expect(refusal(await a.send('handover:printStamp', { id: 999 })).code).toBe('NOT_FOUND');
  });
});
