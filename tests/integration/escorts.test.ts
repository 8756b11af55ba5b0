import { afterEach, describe, expect, it } from 'vitest';
import type { EscortConflict, EscortView } from '../../shared/contract/escorts';
import { pushOf, twoOfficerCore } from '../helpers/escort-officers';
import { expectOk, type TestClient, type TestCore } from '../helpers/test-core';

let core: TestCore | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await core?.dispose();
  core = undefined;
});

/** 2026-03-10 10:00 China time, frozen; tests move it by hand. */
let now = Date.UTC(2026, 2, 10, 2, 0, 0);
const minutes = (n: number) => n * 60_000;

/** A core with two officers (not the whole demo: these tests need accounts, not five years of history). */
async function twoOfficers(start = Date.UTC(2026, 2, 10, 2, 0, 0)) {
  // The clock only moves forward within a test (the rate limiter's buckets refill by it).
  now = start;
  const started = await twoOfficerCore(() => now);
  core = started.core;
  clients.push(started.a, started.b);
  return started;
}

const count = (sql: string) => (core!.core.db.prepare(sql).get() as { n: number }).n;
const snapshot = () => ({
  escorts: count('SELECT COUNT(*) AS n FROM escorts'),
  steps: count('SELECT COUNT(*) AS n FROM escort_steps'),
  crews: count('SELECT COUNT(*) AS n FROM escort_officers'),
  audit: count('SELECT COUNT(*) AS n FROM audit_log'),
  total: count(`SELECT COALESCE(SUM(value), 0) AS n FROM counters`),
});

const conflictOf = (ack: { ok: boolean; error?: { code: string; details?: unknown } }) => {
  expect(ack.ok).toBe(false);
  expect(ack.error?.code).toBe('CONFLICT');
  return ack.error!.details as EscortConflict;
};

describe('escorts over two sockets', () => {
  it('opens an escort with only a plate; the other screen gets it and the counters at once', async () => {
    const { a, b } = await twoOfficers();
    const seen = b.next('escort:changed');
    const counted = b.next('escort:counters');
    const escort = expectOk(await a.send('escort:create', { plate: '鲁p 12345' }));
    expect(escort).toMatchObject({
      plate: '鲁P12345',
      status: 'requested',
      times: { requested: now, met: null },
      backdated: false,
      version: 1,
    });
    expect(escort.officers.map((o) => o.badge)).toEqual(['900003']);
    expect((await seen)[0]).toEqual(escort);
    expect((await counted)[0]).toEqual({ today: 1, month: 1, year: 1, sinceOpening: 1 });
    const board = expectOk(await b.send('escort:board', {}));
    expect(board.open.map((e) => e.id)).toEqual([escort.id]);
    expect(board).toMatchObject({ overdue: { deadlines: { arrived: 20 } }, timeZone: 'Asia/Shanghai', defaultPlatePrefix: '鲁P' });
  });

  it('steps 会合 → 出发 → 到达 → 交接 with server times; each push reaches the other screen', async () => {
    const { a, b } = await twoOfficers();
    let escort = expectOk(await a.send('escort:create', { plate: '鲁PD12345', source: '120', condition: 'stroke' }));
    const stamps: Record<string, number> = { met: 4, departed: 5, arrived: 13, handedOver: 16 };
    for (const [step, at] of Object.entries(stamps)) {
      now = escort.times.requested! + minutes(at);
      const pushed = pushOf(b, escort.id, escort.version + 1);
      escort = expectOk(
        await a.send('escort:advance', { id: escort.id, version: escort.version, step: step as 'met' }),
      );
      expect(escort.status).toBe(step);
      expect(await pushed).toEqual(escort);
    }
    expect(escort.version).toBe(5);
    const detail = expectOk(await b.send('escort:detail', { id: escort.id }));
    expect(detail.steps.map((s) => [s.step, s.officer.badge])).toEqual([
      ['requested', '900003'],
      ['met', '900003'],
      ['departed', '900003'],
      ['arrived', '900003'],
      ['handedOver', '900003'],
    ]);
    expect(detail.intervals).toEqual({
      requestToMet: minutes(4),
      metToArrived: minutes(9),
      requestToHandover: minutes(16),
    });
    expect(detail.audit.map((r) => r.action)).toEqual([
      'escort.create',
      'escort.step',
      'escort.step',
      'escort.step',
      'escort.step',
    ]);
    const board = expectOk(await a.send('escort:board', {}));
    expect(board.open).toEqual([]);
    expect(board.closedToday.map((e) => e.id)).toEqual([escort.id]);
  });

  it('two officers pressing the same step at once: one wins, the other gets CONFLICT with the current state', async () => {
    const { a, b } = await twoOfficers();
    const escort = expectOk(await a.send('escort:create', { plate: '鲁P88888' }));
    const press = { id: escort.id, version: escort.version, step: 'met' as const };
    const [ra, rb] = await Promise.all([a.send('escort:advance', press), b.send('escort:advance', press)]);
    const winners = [ra, rb].filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const loser = ra.ok ? rb : ra;
    const conflict = conflictOf(loser);
    expect(conflict.reason).toBe('stale');
    expect(conflict.escort).toMatchObject({ status: 'met', version: 2 });
    expect(loser.ok ? '' : loser.error.message).toMatch(/已被他人更新.*会合/);
    expect(count(`SELECT COUNT(*) AS n FROM escort_steps WHERE step = 'met'`)).toBe(1);
  });

  it('a screen that was disconnected resyncs on reconnect: current state, no duplicates', async () => {
    const { a, b } = await twoOfficers();
    const first = expectOk(await a.send('escort:create', { plate: '鲁P11111' }));
    b.socket.disconnect();
    const second = expectOk(await a.send('escort:create', { plate: '鲁P22222' }));
    const stepped = expectOk(await a.send('escort:advance', { id: first.id, version: first.version, step: 'met' }));
    const hello = new Promise((resolve) => b.socket.once('core:hello', resolve));
    b.socket.connect();
    await hello;
    const board = expectOk(await b.send('escort:board', {}));
    expect(board.open.map((e) => [e.id, e.status, e.version])).toEqual([
      [first.id, 'met', stepped.version],
      [second.id, 'requested', 1],
    ]);
    // Live again after the resync.
    const pushed = pushOf(b, second.id, 2);
    expectOk(await a.send('escort:advance', { id: second.id, version: 1, step: 'met' }));
    expect(await pushed).toMatchObject({ id: second.id, status: 'met' });
  });
});

describe('bad input: a specific error, nothing written', () => {
  it('refuses invalid plates, 无牌 without a reason, unknown officers and impossible timelines', async () => {
    const { a } = await twoOfficers();
    const before = snapshot();
    const cases: Array<[Parameters<typeof a.send<'escort:create'>>[1], RegExp]> = [
      [{ plate: '鲁P12O45' }, /I 或 O/],
      [{ plate: '鲁P123' }, /位数不足/],
      [{ plate: 'ZZ12345' }, /省份简称/],
      [{ plate: '无牌' }, /无牌原因/],
      [{ plate: '鲁P12345', officerIds: [999] }, /未知的民警（编号 999）/],
      [
        {
          plate: '鲁P12345',
          times: {
            requested: now - minutes(30),
            met: now - minutes(20),
            departed: now - minutes(19),
            arrived: now - minutes(25),
          },
        },
        /到达时间不能早于出发时间/,
      ],
      [{ plate: '鲁P12345', times: { requested: now - minutes(30), arrived: now - minutes(5) } }, /须先有会合时间/],
      [{ plate: '鲁P12345', times: { requested: now + minutes(30) } }, /不能晚于现在/],
    ];
    for (const [payload, message] of cases) {
      const ack = await a.send('escort:create', payload);
      expect(ack.ok, JSON.stringify(payload)).toBe(false);
      if (!ack.ok) {
        expect(ack.error.code).toBe('VALIDATION');
        expect(ack.error.message).toMatch(message);
      }
    }
    // Schema refusals (the router's): unknown keys, wrong types, a missing reason.
    expect(await a.raw('escort:create', { plate: '鲁P12345', admin: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await a.raw('escort:create', { plate: 12345 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await a.raw('escort:cancel', { id: 1, version: 1, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/取消原因/) },
    });
    expect(snapshot()).toEqual(before);
  });

  it('refuses a step on a closed escort and a step out of order, each as CONFLICT with the current state', async () => {
    const { a } = await twoOfficers();
    let e = expectOk(await a.send('escort:create', { plate: '鲁P33333' }));
    const outOfOrder = conflictOf(await a.send('escort:advance', { id: e.id, version: e.version, step: 'arrived' }));
    expect(outOfOrder).toMatchObject({ reason: 'stale', escort: { status: 'requested' } });
    e = expectOk(await a.send('escort:cancel', { id: e.id, version: e.version, reason: '误报，无需护送' }));
    const before = snapshot();
    const ack = await a.send('escort:advance', { id: e.id, version: e.version, step: 'met' });
    expect(conflictOf(ack)).toMatchObject({
      reason: 'closed',
      escort: { status: 'cancelled', cancelReason: '误报，无需护送' },
    });
    expect(ack.ok ? '' : ack.error.message).toMatch(/已取消，不能再记录步骤/);
    expect(snapshot()).toEqual(before);
    expect((await a.send('escort:advance', { id: 9999, version: 1, step: 'met' })).ok).toBe(false);
  });

  it('warns on a second open escort for the same plate within 10 minutes; allows it once confirmed', async () => {
    const { a } = await twoOfficers();
    const first = expectOk(await a.send('escort:create', { plate: '鲁P44444' }));
    now += minutes(6);
    const before = snapshot();
    const dup = await a.send('escort:create', { plate: '鲁P 44444' });
    expect(conflictOf(dup)).toMatchObject({ reason: 'duplicatePlate', escort: { id: first.id } });
    expect(dup.ok ? '' : dup.error.message).toMatch(/鲁P44444 在 6 分钟内已有一条进行中的护送/);
    expect(snapshot()).toEqual(before);
    const second = expectOk(await a.send('escort:create', { plate: '鲁P44444', confirmDuplicate: true }));
    expect(second.id).not.toBe(first.id);
    // Past the window, or once the first is closed, no warning.
    now += minutes(11);
    expectOk(await a.send('escort:create', { plate: '鲁P44444' }));
  });
});

describe('history, edits and counters', () => {
  it('logs after the fact (back-dated, audited) and corrects with a reason (audited before/after)', async () => {
    const { a } = await twoOfficers();
    const requested = now - minutes(90);
    const e = expectOk(
      await a.send('escort:create', {
        plate: '鲁P55555',
        times: {
          requested,
          met: requested + minutes(3),
          departed: requested + minutes(4),
          arrived: requested + minutes(12),
        },
      }),
    );
    expect(e).toMatchObject({ status: 'arrived', backdated: true });
    const noReason = await a.raw('escort:edit', { id: e.id, version: e.version, reason: ' ', changes: { notes: 'x' } });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/修改原因/) },
    });
    const bad = await a.send('escort:edit', {
      id: e.id,
      version: e.version,
      reason: '更正时间',
      changes: { times: { met: requested - 1 } },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '会合时间不能早于接报时间' } });
    const edited = expectOk(
      await a.send('escort:edit', {
        id: e.id,
        version: e.version,
        reason: '交接时间漏记，补录',
        changes: { times: { handedOver: requested + minutes(15) }, condition: 'cardiac' },
      }),
    );
    expect(edited).toMatchObject({ status: 'handedOver', condition: 'cardiac', version: 2 });
    const stale = await a.send('escort:edit', { id: e.id, version: 1, reason: '再改一次', changes: { notes: '迟到' } });
    expect(conflictOf(stale).reason).toBe('stale');
    const detail = expectOk(await a.send('escort:detail', { id: e.id }));
    expect(detail.audit.map((r) => r.action)).toEqual(['escort.create.backdated', 'escort.edit']);
    expect(detail.audit[1]!.details).toMatchObject({
      reason: '交接时间漏记，补录',
      changes: {
        'times.handedOver': [null, requested + minutes(15)],
        condition: [null, 'cardiac'],
        status: ['arrived', 'handedOver'],
      },
    });
    expect(detail.intervals.requestToHandover).toBe(minutes(15));
  });

  it('counts today, this month and this year in China time; cancelling leaves the since-opening total', async () => {
    // 2026-03-10 00:30 China = 03-09 16:30 UTC: today in China, yesterday in UTC.
    const { a } = await twoOfficers(Date.UTC(2026, 2, 9, 16, 30));
    expectOk(await a.send('escort:create', { plate: '鲁P10001' }));
    // 2026-03-09 23:50 China: same month, previous day.
    expectOk(await a.send('escort:create', { plate: '鲁P10002', times: { requested: Date.UTC(2026, 2, 9, 15, 50) } }));
    // 2026-02-28 23:59 China: previous month, same year.
    expectOk(await a.send('escort:create', { plate: '鲁P10003', times: { requested: Date.UTC(2026, 1, 28, 15, 59) } }));
    const cancelled = expectOk(await a.send('escort:create', { plate: '鲁P10004' }));
    let board = expectOk(await a.send('escort:board', {}));
    expect(board.counters).toEqual({ today: 2, month: 3, year: 4, sinceOpening: 4 });
    expectOk(await a.send('escort:cancel', { id: cancelled.id, version: 1, reason: '患者已由 120 直接转运' }));
    board = expectOk(await a.send('escort:board', {}));
    expect(board.counters).toEqual({ today: 1, month: 2, year: 3, sinceOpening: 3 });
    // The since-opening figure is the running counter, not a scan.
    expect(count(`SELECT value AS n FROM counters WHERE key = 'escorts.total'`)).toBe(3);
  });

  it('searches history by date range, plate, source, condition, officer and outcome', async () => {
    const { a, b } = await twoOfficers();
    const me = a.hello.principal.kind === 'officer' ? a.hello.principal.officer : undefined;
    const other = b.hello.principal.kind === 'officer' ? b.hello.principal.officer : undefined;
    const day = (d: number) => Date.UTC(2026, 2, d, 2, 0);
    const made: EscortView[] = [];
    made.push(
      expectOk(
        await a.send('escort:create', {
          plate: '鲁P20001',
          source: '120',
          condition: 'stroke',
          times: { requested: day(1) },
        }),
      ),
    );
    made.push(
      expectOk(
        await a.send('escort:create', {
          plate: '鲁P20002',
          source: 'flagged',
          condition: 'trauma',
          officerIds: [other!.id],
          times: { requested: day(5) },
        }),
      ),
    );
    made.push(
      expectOk(
        await a.send('escort:create', {
          plate: '京A20003',
          source: '120',
          condition: 'cardiac',
          times: { requested: day(9) },
        }),
      ),
    );
    expectOk(await a.send('escort:cancel', { id: made[2]!.id, version: 1, reason: '改送其他医院' }));
    const ids = async (q: Parameters<typeof a.send<'escort:history'>>[1]) =>
      expectOk(await a.send('escort:history', q)).rows.map((r) => r.plate);
    expect(await ids({})).toEqual(['京A20003', '鲁P20002', '鲁P20001']);
    expect(await ids({ from: '2026-03-02', to: '2026-03-09' })).toEqual(['京A20003', '鲁P20002']);
    expect(await ids({ plate: '20001' })).toEqual(['鲁P20001']);
    expect(await ids({ plate: '鲁p' })).toEqual(['鲁P20002', '鲁P20001']);
    expect(await ids({ source: '120' })).toEqual(['京A20003', '鲁P20001']);
    expect(await ids({ condition: 'trauma' })).toEqual(['鲁P20002']);
    expect(await ids({ officerId: other!.id })).toEqual(['鲁P20002']);
    expect(await ids({ officerId: me!.id })).toEqual(['京A20003', '鲁P20001']);
    expect(await ids({ outcome: 'cancelled' })).toEqual(['京A20003']);
    expect(await ids({ outcome: 'open' })).toEqual(['鲁P20002', '鲁P20001']);
    expect(await ids({ plate: '%' })).toEqual([]);
    const page = expectOk(await a.send('escort:history', { pageSize: 2, page: 2 }));
    expect(page).toMatchObject({ total: 3, rows: [{ plate: '鲁P20001' }] });
    expect(await a.send('escort:history', { from: '2026-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});

describe('劝导 counters', () => {
  it('counts taps per officer and shift, with undo, pushed to every screen', async () => {
    const { a, b } = await twoOfficers();
    const pushed = b.next('advisory:changed');
    expectOk(await a.send('advisory:tap', { kind: 'stopAndGo' }));
    expect((await pushed)[0]).toMatchObject({
      shift: 'day',
      shiftDate: '2026-03-10',
      counts: { stopAndGo: 1, parking: 0, other: 0 },
    });
    expectOk(await a.send('advisory:tap', { kind: 'stopAndGo' }));
    expectOk(await a.send('advisory:tap', { kind: 'parking' }));
    expect(expectOk(await b.send('advisory:tap', { kind: 'other' })).counts).toEqual({
      stopAndGo: 0,
      parking: 0,
      other: 1,
    });
    expect(expectOk(await a.send('advisory:undo', { kind: 'stopAndGo' })).counts).toEqual({
      stopAndGo: 1,
      parking: 1,
      other: 0,
    });
    expect(await b.send('advisory:undo', { kind: 'parking' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // 21:00 China time is the night shift: a fresh count.
    now = Date.UTC(2026, 2, 10, 13, 0);
    expect(expectOk(await a.send('advisory:mine', {}))).toMatchObject({
      shift: 'night',
      counts: { stopAndGo: 0, parking: 0, other: 0 },
    });
    expect(count('SELECT COUNT(*) AS n FROM advisories WHERE undone_at IS NOT NULL')).toBe(1);
  });
});
