import { afterEach, describe, expect, it } from 'vitest';
import { ER_RECENT_MS, type ErEscort } from '../../shared/contract/er';
import type { EscortView } from '../../shared/contract/escorts';
import { twoOfficerCore } from '../helpers/escort-officers';
import { pairedScreen } from '../helpers/paired-screen';
import { connectClient, expectOk, type TestClient, type TestCore } from '../helpers/test-core';

let core: TestCore | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await core?.dispose();
  core = undefined;
});

/** 2026-11-30 23:50 in Shanghai, frozen; the tests move it by hand. */
let now = Date.UTC(2026, 10, 30, 15, 50);
const minutes = (n: number) => n * 60_000;

async function postWithEr() {
  now = Date.UTC(2026, 10, 30, 15, 50);
  const started = await twoOfficerCore(() => now);
  core = started.core;
  const er = await pairedScreen(core.url, started.a, 'er', '急诊科 大屏');
  clients.push(started.a, started.b, er.client);
  return { ...started, er };
}

const count = (sql: string) => (core!.core.db.prepare(sql).get() as { n: number }).n;

/** Everything a socket is pushed, by name, from now on. */
function recorder(c: TestClient) {
  const seen: string[] = [];
  c.socket.onAny((name: string) => seen.push(name));
  return seen;
}

const erKeys = ['cancelledAt', 'condition', 'destination', 'id', 'plate', 'preAlert', 'status', 'times', 'vehicle'];

describe('ER pre-alert screen', () => {
  it('pairs with a one-time code, is told who it is, and shows on the booth as online', async () => {
    const { a, er } = await postWithEr();
    expect(er.client.hello.principal).toEqual({ kind: 'er', screen: { ...er.info, online: true } });
    expect(er.info.name).toBe('急诊科 大屏');
    expect(expectOk(await a.send('er:list', {}))).toEqual([{ ...er.info, online: true }]);
    const audit = core!.core.db.prepare(`SELECT actor, action FROM audit_log WHERE action = 'er.pair'`).all();
    expect(audit).toEqual([{ actor: 'officer:900003', action: 'er.pair' }]);
  });

  it('sees a new escort live, in its own shape: no officers, notes, meeting place or PINs', async () => {
    const { a, er } = await postWithEr();
    const pushed = recorder(er.client);
    const incoming = er.client.next('er:escort');
    const escort = expectOk(
      await a.send('escort:create', {
        plate: '鲁P12345',
        vehicle: 'private',
        condition: 'cardiac',
        destination: 'chestPain',
        meetPoint: '东昌路口',
        notes: '家属 张三 13800001234',
      }),
    );
    const [seen] = await incoming;
    expect(Object.keys(seen).sort()).toEqual(erKeys);
    expect(seen).toEqual({
      id: escort.id,
      plate: '鲁P12345',
      vehicle: 'private',
      condition: 'cardiac',
      destination: 'chestPain',
      status: 'requested',
      times: escort.times,
      cancelledAt: null,
      preAlert: null,
    } satisfies ErEscort);
    const board = expectOk(await er.client.send('er:board', {}));
    expect(board.escorts.map((e) => e.id)).toEqual([escort.id]);
    expect(board.overdue.deadlines).toEqual({ met: 10, departed: 15, arrived: 20, handedOver: 45 });
    expect(JSON.stringify(board)).not.toMatch(/张伟|900003|东昌路口|13800001234|pin/i);
    // Pushes precede the reply on one socket: by now an officer push would have arrived.
    expect(pushed).not.toContain('escort:changed');
    expect(pushed).not.toContain('escort:counters');
  });

  it('已知悉: the first press is recorded with time and screen, pushed to the booth, and leaves the version alone', async () => {
    const { a, b, er } = await postWithEr();
    const escort = expectOk(await a.send('escort:create', { plate: '鲁P22222', destination: 'stroke' }));
    now += minutes(2);
    // The create's own push to b may still be in flight: wait for the one that carries the ack.
    const atBooth = new Promise<EscortView>((resolve) =>
      b.socket.on('escort:changed', (e) => e.preAlert && resolve(e)),
    );
    const acked = expectOk(await er.client.send('er:acknowledge', { escortId: escort.id }));
    expect(acked.preAlert).toEqual({ at: now, screenId: er.info.id, screenName: '急诊科 大屏' });
    const pushed = await atBooth;
    expect(pushed.preAlert).toEqual(acked.preAlert);
    expect(pushed.version).toBe(escort.version);
    // An officer's step against the version they saw still goes through.
    now += minutes(1);
    expectOk(await a.send('escort:advance', { id: escort.id, version: escort.version, step: 'met' }));

    // A second screen's press (and a repeat) keeps the first: one row, one audit entry.
    const second = await pairedScreen(core!.url, a, 'er');
    clients.push(second.client);
    now += minutes(1);
    const again = expectOk(await second.client.send('er:acknowledge', { escortId: escort.id }));
    expect(again.preAlert).toEqual(acked.preAlert);
    expect(count(`SELECT COUNT(*) AS n FROM escort_pre_alerts`)).toBe(1);
    expect(count(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'escort.preAlertAck'`)).toBe(1);

    // The escort's timeline names the screen.
    const detail = expectOk(await a.send('escort:detail', { id: escort.id }));
    expect(detail.escort.preAlert).toEqual(acked.preAlert);
    expect(detail.audit.find((r) => r.action === 'escort.preAlertAck')).toMatchObject({
      actor: `er:${er.info.id}`,
      actorName: '急诊科 大屏',
      at: acked.preAlert!.at,
    });
  });

  it('refuses bad presses with a clear error and writes nothing', async () => {
    const { a, er } = await postWithEr();
    const escort = expectOk(await a.send('escort:create', { plate: '鲁P33333' }));
    expectOk(await a.send('escort:cancel', { id: escort.id, version: escort.version, reason: '误报，已取消' }));
    const before = count('SELECT COUNT(*) AS n FROM audit_log');
    expect(await er.client.send('er:acknowledge', { escortId: escort.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '该护送已取消，无需确认' },
    });
    expect(await er.client.send('er:acknowledge', { escortId: 99_999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await er.client.raw('er:acknowledge', { escortId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('护送记录编号无效') },
    });
    expect(await er.client.raw('er:acknowledge', { escortId: 1, extra: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(count('SELECT COUNT(*) AS n FROM escort_pre_alerts')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM audit_log')).toBe(before);
  });

  it('opens only its own events: a kiosk or officer cannot use ER events, the ER cannot use theirs', async () => {
    const { a, er } = await postWithEr();
    const escort = expectOk(await a.send('escort:create', { plate: '鲁P44444' }));
    expect(await a.send('er:acknowledge', { escortId: escort.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await a.send('er:board', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const name of ['escort:board', 'escort:detail', 'helmet:list', 'kiosk:list', 'reports:month'] as const)
      expect(await er.client.raw(name, {}), name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await er.client.raw('kiosk:hello', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '仅教育屏可用此功能' },
    });
    expect(await er.client.raw('er:requestPairingCode', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(count('SELECT COUNT(*) AS n FROM escort_pre_alerts')).toBe(0);
  });

  it('keeps a closed escort for ER_RECENT_MS, then drops it; an unpaired screen is cut off and its token is dead', async () => {
    const { a, er } = await postWithEr();
    const escort = expectOk(await a.send('escort:create', { plate: '鲁P55555' }));
    let v = escort.version;
    for (const step of ['met', 'departed', 'arrived', 'handedOver'] as const) {
      now += minutes(3); // 23:50 → 00:02 on 1 Dec: the board spans the day and month edge
      v = expectOk(await a.send('escort:advance', { id: escort.id, version: v, step })).version;
    }
    now += ER_RECENT_MS - 1;
    expect(expectOk(await er.client.send('er:board', {})).escorts.map((e) => e.status)).toEqual(['handedOver']);
    now += 2;
    expect(expectOk(await er.client.send('er:board', {})).escorts).toEqual([]);

    const told = er.client.next('er:unpaired');
    expectOk(await a.send('er:unpair', { screenId: er.info.id }));
    await told;
    const again = await connectClient(core!.url, { erToken: er.token });
    clients.push(again);
    expect(again.hello.principal.kind).toBe('anonymous');
    expect(expectOk(await a.send('er:list', {}))).toEqual([]);
  });
});
