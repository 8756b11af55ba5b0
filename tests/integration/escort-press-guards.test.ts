import { afterEach, describe, expect, it } from 'vitest';
import type { EscortConflict, EscortView } from '../../shared/contract/escorts';
import { STEP_MIN_GAP_MS, STEP_UNDO_WINDOW_MS } from '../../shared/domain/escort-timeline';
import { pushOf, twoOfficerCore } from '../helpers/escort-officers';
import { expectOk, type TestClient, type TestCore } from '../helpers/test-core';

// Repeated presses, 撤销上一步, filling in a running escort and the whole of 今日已结束 (issue 16, items 4–6).

let core: TestCore | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await core?.dispose();
  core = undefined;
});

/** 2026-03-10 10:00 China time; each test moves the clock by hand, forward only. */
let now = 0;
const seconds = (n: number) => n * 1000;

async function twoOfficers() {
  now = Date.UTC(2026, 2, 10, 2, 0, 0);
  const started = await twoOfficerCore(() => now);
  core = started.core;
  clients.push(started.a, started.b);
  return started;
}

const db = () => core!.core.db;
const row = (id: number) => db().prepare('SELECT * FROM escorts WHERE id = ?').get(id) as Record<string, unknown>;
const stepsOf = (id: number) =>
  (db().prepare('SELECT step FROM escort_steps WHERE escort_id = ? ORDER BY id').all(id) as { step: string }[]).map(
    (s) => s.step,
  );
const audits = (action: string) =>
  db().prepare('SELECT actor, details FROM audit_log WHERE action = ? ORDER BY seq').all(action) as {
    actor: string;
    details: string;
  }[];

/** The refused reply's error; `raw` replies are unknown, typed replies are an ack. */
function refusal(reply: unknown) {
  const ack = reply as { ok: boolean; error?: { code: string; message: string; details?: unknown } };
  expect(ack.ok).toBe(false);
  return { code: ack.error!.code, message: ack.error!.message, details: ack.error!.details as EscortConflict };
}

const advance = (c: TestClient, e: EscortView, step: 'met' | 'departed' | 'arrived' | 'handedOver') =>
  c.send('escort:advance', { id: e.id, version: e.version, step });

describe('repeated presses', () => {
  it('four presses in two seconds record one step; the next is taken once the gap has passed', async () => {
    const { a } = await twoOfficers();
    let e = expectOk(await a.send('escort:create', { plate: '鲁P24680' }));
    // Met right after 接报 is allowed: an escort is often logged as the car arrives.
    e = expectOk(await advance(a, e, 'met'));
    const before = { row: row(e.id), steps: stepsOf(e.id), audit: audits('escort.step').length };
    for (const step of ['departed', 'departed', 'departed'] as const) {
      now += 600;
      const r = refusal(await advance(a, e, step));
      expect(r.code).toBe('CONFLICT');
      expect(r.details).toMatchObject({ reason: 'tooSoon', escort: { id: e.id, status: 'met', version: e.version } });
      expect(r.message).toMatch(/「会合」刚刚记录，5 秒内不能再记下一步（防止连按），请 \d 秒后再按「出发」/);
    }
    expect({ row: row(e.id), steps: stepsOf(e.id), audit: audits('escort.step').length }).toEqual(before);

    now = e.times.met! + STEP_MIN_GAP_MS - 1;
    expect(refusal(await advance(a, e, 'departed')).details.reason).toBe('tooSoon');
    now = e.times.met! + STEP_MIN_GAP_MS;
    e = expectOk(await advance(a, e, 'departed'));
    expect(e).toMatchObject({ status: 'departed', times: { departed: now } });
    expect(stepsOf(e.id)).toEqual(['requested', 'met', 'departed']);
  });
});

describe('撤销上一步', () => {
  it('takes back the last step within the window, live on the other screen, audited; a 交接 taken back reopens', async () => {
    const { a, b } = await twoOfficers();
    let e = expectOk(await a.send('escort:create', { plate: '鲁P13579' }));
    for (const step of ['met', 'departed', 'arrived', 'handedOver'] as const) {
      now += seconds(30);
      e = expectOk(await advance(a, e, step));
    }
    expect(expectOk(await b.send('escort:board', {})).closedToday.map((x) => x.id)).toEqual([e.id]);

    // 刘洋 undoes 张伟's 交接 a minute later: the escort is back on the board at 到达.
    now += seconds(60);
    const pushed = pushOf(b, e.id, e.version + 1);
    const reopened = expectOk(await b.send('escort:undoStep', { id: e.id, version: e.version }));
    expect(reopened).toMatchObject({ status: 'arrived', version: e.version + 1, times: { handedOver: null } });
    expect(await pushed).toEqual(reopened);
    const board = expectOk(await a.send('escort:board', {}));
    expect(board.open.map((x) => x.id)).toEqual([e.id]);
    expect(board.closedToday).toEqual([]);
    expect(row(e.id)).toMatchObject({ status: 'arrived', handed_over_at: null });
    expect(stepsOf(e.id)).toEqual(['requested', 'met', 'departed', 'arrived']);
    const [undone] = audits('escort.undoStep');
    expect(undone!.actor).toMatch(/900004|刘洋|officer:/);
    expect(JSON.parse(undone!.details)).toEqual({ step: 'handedOver', at: e.times.handedOver, back: 'arrived' });

    // Undo again: 到达 was 90 s ago, inside the window.
    const back = expectOk(await a.send('escort:undoStep', { id: e.id, version: reopened.version }));
    expect(back).toMatchObject({ status: 'departed', times: { arrived: null } });
    // The step can be pressed again afterwards (the gap counts from 出发, long past).
    const again = expectOk(await advance(a, back, 'arrived'));
    expect(again).toMatchObject({ status: 'arrived', times: { arrived: now } });
  });

  it('refuses after the window, with a stale version, on 接报 and on a cancelled escort; nothing changes', async () => {
    const { a } = await twoOfficers();
    let e = expectOk(await a.send('escort:create', { plate: '鲁P11223' }));
    const onRequested = refusal(await a.send('escort:undoStep', { id: e.id, version: e.version }));
    expect(onRequested).toMatchObject({ code: 'CONFLICT', message: '鲁P11223 还没有可撤销的步骤' });
    expect(onRequested.details.reason).toBe('noUndo');

    e = expectOk(await advance(a, e, 'met'));
    now += STEP_UNDO_WINDOW_MS + 1;
    const before = { row: row(e.id), steps: stepsOf(e.id), audit: audits('escort.undoStep').length };
    const late = refusal(await a.send('escort:undoStep', { id: e.id, version: e.version }));
    expect(late.message).toBe('「会合」已记录超过 2 分钟，不能撤销；如需更正请用「修改」并写明原因');
    const stale = refusal(await a.send('escort:undoStep', { id: e.id, version: e.version - 1 }));
    expect(stale.details.reason).toBe('stale');
    expect({ row: row(e.id), steps: stepsOf(e.id), audit: audits('escort.undoStep').length }).toEqual(before);

    e = expectOk(await a.send('escort:cancel', { id: e.id, version: e.version, reason: '误报，无需护送' }));
    expect(refusal(await a.send('escort:undoStep', { id: e.id, version: e.version })).message).toBe(
      '鲁P11223 的护送已取消，没有可撤销的步骤',
    );
    const bad = await a.raw('escort:undoStep', { id: e.id });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(audits('escort.undoStep')).toHaveLength(0);
  });
});

describe('a running escort is filled in while it runs', () => {
  it('blanks need no reason; changing a value, a time or a closed escort does', async () => {
    const { a, b } = await twoOfficers();
    let e = expectOk(await a.send('escort:create', { plate: '鲁P97531', condition: 'trauma' }));
    now += seconds(40);
    e = expectOk(await advance(a, e, 'met'));

    const pushed = pushOf(b, e.id, e.version + 1);
    e = expectOk(
      await a.send('escort:edit', {
        id: e.id,
        version: e.version,
        changes: { destination: 'emergency', vehicle: 'private', notes: '家属陪同', hospitalNotified: true },
      }),
    );
    expect(e).toMatchObject({ status: 'met', destination: 'emergency', vehicle: 'private', hospitalNotified: true });
    expect(await pushed).toEqual(e);
    const [filled] = audits('escort.edit');
    expect(JSON.parse(filled!.details)).toMatchObject({ reason: null, changes: { destination: [null, 'emergency'] } });

    const before = row(e.id);
    for (const changes of [{ condition: 'cardiac' }, { times: { met: e.times.met! - 1000 } }, { officerIds: [2] }] as const) {
      const r = refusal(await a.raw('escort:edit', { id: e.id, version: e.version, changes }));
      expect(r).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^请填写修改原因/) });
    }
    expect(row(e.id)).toEqual(before);
    expect(
      expectOk(await a.send('escort:edit', { id: e.id, version: e.version, reason: '病情更正', changes: { condition: 'cardiac' } })),
    ).toMatchObject({ condition: 'cardiac' });

    const closed = expectOk(await a.send('escort:create', { plate: '鲁P86420' }));
    const done = expectOk(await a.send('escort:cancel', { id: closed.id, version: closed.version, reason: '患者已转运' }));
    const r = refusal(await a.raw('escort:edit', { id: done.id, version: done.version, changes: { condition: 'stroke' } }));
    expect(r.message).toMatch(/^请填写修改原因/);
  });
});

describe('今日已结束', () => {
  it('lists every escort closed today, not the latest twelve', async () => {
    const { a } = await twoOfficers();
    for (let i = 0; i < 14; i++) {
      const e = expectOk(await a.send('escort:create', { plate: `鲁P${10000 + i}`, confirmDuplicate: true }));
      now += seconds(10);
      expectOk(await a.send('escort:cancel', { id: e.id, version: e.version, reason: '测试关闭' }));
    }
    const board = expectOk(await a.send('escort:board', {}));
    expect(board.closedToday).toHaveLength(14);
    expect(board.counters.today).toBe(0); // cancelled escorts leave the count
    expect(board.closedToday[0]!.plate).toBe('鲁P10013');
  });
});
