import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HelmetStop, KioskSession } from '../../shared/contract/helmet';
import { FULL_ID_PATTERN } from '../../shared/domain/helmet';
import { correctAnswers, pairedKiosk, signatureDataUrl, signedInOfficer, validId } from '../helpers/helmet';
import { connectClient, expectOk, officerClient, startTestCore, tempDataDir, type TestClient, type TestCore } from '../helpers/test-core';

const T0 = Date.parse('2025-06-10T06:00:00Z');
let now = T0;
const clock = () => now;
const cores: TestCore[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const c of cores.splice(0)) await c.dispose();
  now = T0;
});

async function start(options: Parameters<typeof startTestCore>[0] = {}) {
  const core = await startTestCore({ clock, random: () => 0.5, settings: { helmetVideoOverride: 'test-short' }, ...options });
  cores.push(core);
  return core;
}

const ID_A = validId('37150219900307123');
const count = (core: TestCore, sql: string, ...args: unknown[]) =>
  (core.core.db.prepare(sql).get(...args) as { n: number }).n;
const audits = (core: TestCore, action: string) => count(core, 'SELECT COUNT(*) AS n FROM audit_log WHERE action = ?', action);

/** Plays the video honestly, one beat per (frozen-clock) second, until the core moves on from it. */
async function watchToTheEnd(kiosk: TestClient, sessionId: number, from = 0, limit = 60) {
  let position = from;
  for (let i = 0; i < limit; i++) {
    const reply = expectOk(await kiosk.send('helmet:heartbeat', { sessionId, position, state: position >= 6.1 ? 'ended' : 'playing' }));
    if (reply.phase !== 'video') return reply;
    now += 1000;
    position = Math.min(6.108, position + 1);
  }
  throw new Error('the video never completed');
}

describe('helmet stops', () => {
  it('按号牌查找 reaches stops of any date, which the live list (24 h) does not; wildcards are plain characters', async () => {
    const core = await start();
    const first = await signedInOfficer(core);
    clients.push(first);
    const old = expectOk(await first.send('helmet:create', { vehicle: 'ebike', plate: '鲁PA1234' }));
    expectOk(await first.send('helmet:recordFine', { stopId: old.id, ticketNo: '371502000777' }));
    now += 400 * 24 * 3600_000;
    const officer = await officerClient(core.url, '700001', 'test-pin-1'); // the first session expired meanwhile
    clients.push(officer);
    const recent = expectOk(await officer.send('helmet:create', { vehicle: 'ebike', plate: '鲁PA1299' }));
    expect(expectOk(await officer.send('helmet:list', {})).map((s) => s.id)).toEqual([recent.id]);
    expect(expectOk(await officer.send('helmet:search', { plate: 'pa12' })).map((s) => s.id)).toEqual([recent.id, old.id]);
    expect(expectOk(await officer.send('helmet:search', { plate: '鲁P·A1234' })).map((s) => s.id)).toEqual([old.id]);
    expect(expectOk(await officer.send('helmet:search', { plate: '%%' }))).toEqual([]);
    expect(await officer.send('helmet:search', { plate: ' A ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'plate: 请至少输入号牌中的 2 个字符' },
    });
  });

  it('stores no ID in clear, and a second stop of the same person within 12 months is a repeat', async () => {
    const core = await start();
    const officer = await signedInOfficer(core);
    clients.push(officer);
    const first = expectOk(
      await officer.send('helmet:create', { vehicle: 'ebike', plate: '鲁P·A1234', idNumber: ID_A, phone: '13812345678', riderName: '张三' }),
    );
    expect(first).toMatchObject({ eligible: true, priorStops: 0, fineYuan: 20, idLast4: ID_A.slice(-4), phoneMasked: '138****5678', outcome: 'open', place: '聊城交警 市医院岗' });
    const raw = JSON.stringify(core.core.db.prepare('SELECT * FROM helmet_stops').all());
    expect(raw).not.toMatch(FULL_ID_PATTERN);
    expect(raw).not.toContain('13812345678');

    now += 300 * 24 * 3600_000;
    officer.close();
    const later = await officerClient(core.url, '700001', 'test-pin-1'); // the old session expired meanwhile
    clients.push(later);
    // Same person, other phone and plate: the ID hash finds the earlier stop.
    const again = expectOk(await later.send('helmet:create', { vehicle: 'motorcycle', idNumber: ID_A.toLowerCase() }));
    expect(again).toMatchObject({ eligible: false, priorStops: 1, fineYuan: 50, educationAllowed: false });
    const refused = await later.send('helmet:offer', { stopId: again.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const overridden = expectOk(await later.send('helmet:override', { stopId: again.id, reason: '当事人确有困难，经带班领导同意' }));
    expect(overridden).toMatchObject({ educationAllowed: true, overrideReason: '当事人确有困难，经带班领导同意' });
    expect(audits(core, 'helmet.stop.override')).toBe(1);

    // Without an ID the phone decides; without either, the plate.
    const byPhone = expectOk(await later.send('helmet:create', { vehicle: 'ebike', phone: '138 1234 5678' }));
    expect(byPhone.priorStops).toBe(1);
    const byPlate = expectOk(await later.send('helmet:create', { vehicle: 'ebike', plate: '鲁pa1234' }));
    expect(byPlate.priorStops).toBe(1);
  });

  it('refuses bad input with specific Chinese messages and writes nothing', async () => {
    const core = await start();
    const officer = await signedInOfficer(core);
    clients.push(officer);
    const before = audits(core, 'helmet.stop.create');
    const bad = await officer.send('helmet:create', { vehicle: 'ebike', idNumber: '370000199003071231' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!bad.ok) {
      expect(bad.error.message).toMatch(/身份证号/);
      expect(bad.error.message).not.toMatch(FULL_ID_PATTERN);
    }
    expect(await officer.send('helmet:create', { vehicle: 'ebike', riderName: '李四' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('至少填写一项') },
    });
    expect(count(core, 'SELECT COUNT(*) AS n FROM helmet_stops')).toBe(0);
    expect(audits(core, 'helmet.stop.create')).toBe(before);
  });

  it('looks up earlier stops by index', async () => {
    const core = await start();
    for (const column of ['id_hash', 'phone_hash', 'plate']) {
      const plan = core.core.db
        .prepare(`EXPLAIN QUERY PLAN SELECT stopped_at FROM helmet_stops WHERE ${column} = ? AND stopped_at >= ? AND stopped_at <= ? AND outcome != 'cancelled'`)
        .all('x', 0, 1) as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain(`USING INDEX helmet_stops_${column}`);
    }
  });
});

describe('the kiosk session', () => {
  async function offered(core: TestCore) {
    const officer = await signedInOfficer(core);
    const { kiosk, token, kioskId } = await pairedKiosk(core.url, officer);
    clients.push(officer, kiosk);
    const stop = expectOk(await officer.send('helmet:create', { vehicle: 'ebike', plate: '鲁PB7777', riderName: '王五', idNumber: ID_A }));
    const shown = kiosk.next('helmet:session');
    expectOk(await officer.send('helmet:offer', { stopId: stop.id }));
    const [session] = await shown;
    return { officer, kiosk, token, kioskId, stop, session };
  }

  it('shows the choice with nothing personal, and the fine path closes with a ticket number', async () => {
    const core = await start();
    const { officer, kiosk, stop, session } = await offered(core);
    expect(session).toMatchObject({ phase: 'choice', fineYuan: 20, vehicle: 'ebike', video: { id: 'test-short', url: '/media/test-short.webm' } });
    const text = JSON.stringify(session);
    for (const personal of ['鲁PB7777', '王五', ID_A.slice(-4)]) expect(text).not.toContain(personal);

    const told = officer.next('helmet:stop');
    const chosen = expectOk(await kiosk.send('helmet:choose', { sessionId: session.id, choice: 'fine' }));
    expect(chosen.phase).toBe('fine');
    expect((await told)[0]).toMatchObject({ id: stop.id, outcome: 'fined', ticketNo: null, closedAt: null });
    // The kiosk is free again: nothing live to resume.
    expect(expectOk(await kiosk.send('helmet:kioskState', {}))).toBeNull();
    const closed = expectOk(await officer.send('helmet:recordFine', { stopId: stop.id, ticketNo: '371502000123' }));
    expect(closed).toMatchObject({ outcome: 'fined', ticketNo: '371502000123', closedAt: now });
    expect(await officer.send('helmet:recordFine', { stopId: stop.id, ticketNo: '371502000999' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('撤销罚款选择: a fine tapped on the kiosk goes back to 待推送 with a reason, audited; never after the ticket or for an officer’s fine', async () => {
    const core = await start();
    const { officer, kiosk, stop, session } = await offered(core);
    expectOk(await kiosk.send('helmet:choose', { sessionId: session.id, choice: 'fine' }));
    expect(await officer.send('helmet:undoFine', { stopId: stop.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const reopened = expectOk(await officer.send('helmet:undoFine', { stopId: stop.id, reason: '当事人误触，愿意观看教育视频' }));
    expect(reopened).toMatchObject({ outcome: 'open', ticketNo: null, closedAt: null });
    expect(audits(core, 'helmet.stop.undoFine')).toBe(1);
    // Offered again, the rider now chooses education.
    const shown = kiosk.next('helmet:session');
    expectOk(await officer.send('helmet:offer', { stopId: stop.id }));
    const [again] = await shown;
    expect(again).toMatchObject({ phase: 'choice' });
    expect(expectOk(await kiosk.send('helmet:choose', { sessionId: again.id, choice: 'education' })).phase).toBe('video');
    expect(await officer.send('helmet:undoFine', { stopId: stop.id, reason: '再次撤销' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // With its ticket recorded, or fined by the officer (a repeat rider), a fine stays.
    const second = expectOk(await officer.send('helmet:create', { vehicle: 'ebike', plate: '鲁PB8888' }));
    expectOk(await officer.send('helmet:recordFine', { stopId: second.id, ticketNo: '371502000124' }));
    const refused = await officer.send('helmet:undoFine', { stopId: second.id, reason: '当事人误触' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '已录入处罚决定书编号，不能撤销罚款选择' } });
    expect(audits(core, 'helmet.stop.undoFine')).toBe(1);
  });

  it('completes exactly once across a kiosk reconnect and a core restart', async () => {
    const dataDir = tempDataDir('helmet-restart');
    const core = await start({ dataDir });
    const { officer, kiosk, token, stop, session } = await offered(core);
    expectOk(await kiosk.send('helmet:choose', { sessionId: session.id, choice: 'education' }));
    // Three honest seconds, then the kiosk drops mid-video.
    for (let p = 0; p <= 3; p++) {
      expectOk(await kiosk.send('helmet:heartbeat', { sessionId: session.id, position: p, state: 'playing' }));
      now += 1000;
    }
    kiosk.close();
    now += 20_000;
    const back = await connectClient(core.url, { kioskToken: token });
    clients.push(back);
    const resumed = expectOk(await back.send('helmet:kioskState', {}));
    expect(resumed).toMatchObject({ id: session.id, phase: 'video' });
    expect(resumed!.furthestSeconds).toBeCloseTo(3, 6);
    // The time away is not credited: a beat claiming the end is a baseline, and the player is sent back.
    const claim = expectOk(await back.send('helmet:heartbeat', { sessionId: session.id, position: 6.1, state: 'ended' }));
    expect(claim.rewindTo).toBeCloseTo(3, 6);
    expect(claim.watchedSeconds).toBeCloseTo(3, 6);
    now += 1000;
    const done = await watchToTheEnd(back, session.id, 3);
    expect(done.phase).toBe('quiz');
    // A resent 'ended' after completion counts nothing and completes nothing again.
    expectOk(await back.send('helmet:heartbeat', { sessionId: session.id, position: 6.1, state: 'ended' }));
    expect(audits(core, 'helmet.session.videoCompleted')).toBe(1);

    // The core restarts between the video and the quiz.
    const quizBefore = expectOk(await back.send('helmet:kioskState', {}))!;
    back.close();
    officer.close();
    await core.close();
    const again = await startTestCore({ dataDir, clock, random: () => 0.5 });
    cores.splice(0, 1, again);
    const kiosk2 = await connectClient(again.url, { kioskToken: token });
    clients.push(kiosk2);
    const quiz = expectOk(await kiosk2.send('helmet:kioskState', {}))!;
    expect(quiz.phase).toBe('quiz');
    expect(quiz.quiz!.questions.map((q) => q.id)).toEqual(quizBefore.quiz!.questions.map((q) => q.id));
    expect(quiz.quiz!.questions).toHaveLength(5);
    expect(JSON.stringify(quiz.quiz)).not.toContain('"answer"');
    const passed = expectOk(await kiosk2.send('helmet:quizAnswers', { sessionId: session.id, answers: correctAnswers(again, quiz.quiz!.questions.map((q) => q.id)) }));
    expect(passed.phase).toBe('pledge');
    const signature = signatureDataUrl();
    const signed = expectOk(await kiosk2.send('helmet:pledge', { sessionId: session.id, signature }));
    expect(signed.phase).toBe('done');
    // The ack was lost, say: the kiosk resends after reconnecting. Nothing is recorded twice.
    const resent = expectOk(await kiosk2.send('helmet:pledge', { sessionId: session.id, signature }));
    expect(resent.phase).toBe('done');
    expect(audits(again, 'helmet.session.completed')).toBe(1);
    expect(audits(again, 'helmet.session.videoCompleted')).toBe(1);
    const row = again.core.db.prepare('SELECT outcome, closed_at FROM helmet_stops WHERE id = ?').get(stop.id);
    expect(row).toEqual({ outcome: 'completed', closed_at: now });
    const officer2 = await officerClient(again.url, '700001', 'test-pin-1');
    clients.push(officer2);
    expect(expectOk(await officer2.send('helmet:signature', { stopId: stop.id })).png).toBe(signature);
  });

  it('one retry at the quiz; a second failure ends it for the officer to decide', async () => {
    const core = await start();
    const { officer, kiosk, stop, session } = await offered(core);
    expectOk(await kiosk.send('helmet:choose', { sessionId: session.id, choice: 'education' }));
    await watchToTheEnd(kiosk, session.id);
    const wrong = (s: KioskSession) =>
      correctAnswers(core, s.quiz!.questions.map((q) => q.id)).map((a) => ({ ...a, choice: (a.choice + 1) % 4 }));
    const first = expectOk(await kiosk.send('helmet:kioskState', {}))!;
    expect(await kiosk.send('helmet:quizAnswers', { sessionId: session.id, answers: wrong(first).slice(1) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const retry = expectOk(await kiosk.send('helmet:quizAnswers', { sessionId: session.id, answers: wrong(first) }));
    expect(retry).toMatchObject({ phase: 'quiz', lastQuiz: { correct: 0, total: 5, passed: false }, quiz: { attempt: 2 } });
    const told = officer.next('helmet:stop');
    const failed = expectOk(await kiosk.send('helmet:quizAnswers', { sessionId: session.id, answers: wrong(retry) }));
    expect(failed.phase).toBe('failed');
    expect((await told)[0]).toMatchObject({ id: stop.id, outcome: 'abandoned', session: { phase: 'failed', quizAttempts: 2 } });
  });

  it('walk-away and the officer stop both end the session and tell the booth', async () => {
    const core = await start();
    const { officer, kiosk, stop, session } = await offered(core);
    const told = officer.next('helmet:stop');
    expectOk(await kiosk.send('helmet:walkAway', { sessionId: session.id, reason: 'idle' }));
    const [abandoned] = (await told) as [HelmetStop];
    expect(abandoned).toMatchObject({ outcome: 'abandoned', session: { phase: 'abandoned', endReason: 'idle' } });
    // The officer may offer again; then stop it from the booth: the kiosk is told.
    expectOk(await officer.send('helmet:offer', { stopId: stop.id }));
    const live = expectOk(await kiosk.send('helmet:kioskState', {}))!;
    expectOk(await kiosk.send('helmet:choose', { sessionId: live.id, choice: 'education' }));
    const kioskTold = kiosk.next('helmet:session');
    const stopped = expectOk(await officer.send('helmet:stopSession', { stopId: stop.id }));
    expect(stopped).toMatchObject({ outcome: 'abandoned', session: { phase: 'stopped', endReason: 'officer' } });
    expect((await kioskTold)[0].phase).toBe('stopped');
    expect(expectOk(await kiosk.send('helmet:kioskState', {}))).toBeNull();
  });

  it('attention prompts: a tap in time keeps the count, a missed one takes the stretch back', async () => {
    // The production video (no prompt in its last 20 s); a prompt roughly every 10 s of it.
    const core = await start({ settings: { helmetVideoOverride: 'helmet-saves-lives', helmetAttentionEverySeconds: 10 } });
    const { kiosk, session } = await offered(core);
    expectOk(await kiosk.send('helmet:choose', { sessionId: session.id, choice: 'education' }));
    const beat = (position: number) => kiosk.send('helmet:heartbeat', { sessionId: session.id, position, state: 'playing' });
    // random() = 0.5 puts the first prompt at 10 × (0.4 + 0.4) = 8 counted seconds.
    let reply = expectOk(await beat(0));
    for (let p = 1; !reply.prompt; p++) {
      now += 1000;
      reply = expectOk(await beat(p));
    }
    expect(reply.watchedSeconds).toBeCloseTo(8, 6);
    expect(reply.prompt!.remainingMs).toBe(15_000);
    now += 5_000;
    expectOk(await beat(13));
    const attended = expectOk(await kiosk.send('helmet:attend', { sessionId: session.id }));
    expect(attended).toMatchObject({ prompt: null, rewindTo: null });
    expect(attended.watchedSeconds).toBeGreaterThan(8);
    // The next prompt, left unanswered: after 15 s the core takes back everything since it appeared.
    let p = 13;
    while (!reply.prompt || reply.watchedSeconds < 10) {
      now += 1000;
      reply = expectOk(await beat(++p));
    }
    const promptedAt = reply.watchedSeconds;
    for (let i = 0; i < 16; i++) {
      now += 1000;
      reply = expectOk(await beat(++p));
    }
    expect(reply.rewindTo).toBeCloseTo(promptedAt, 6);
    expect(reply.watchedSeconds).toBeCloseTo(promptedAt, 6);
    expect(core.core.db.prepare('SELECT prompts_shown, prompts_missed FROM education_sessions').get()).toEqual({ prompts_shown: 2, prompts_missed: 1 });
    // A late tap, with nothing pending any more, changes nothing.
    expect(expectOk(await kiosk.send('helmet:attend', { sessionId: session.id })).prompt).toBeNull();
  });

  it('pausing longer than the limit abandons the session', async () => {
    const core = await start({ settings: { helmetVideoOverride: 'test-short', kioskPauseLimitSeconds: 5 } });
    const { kiosk, session } = await offered(core);
    expectOk(await kiosk.send('helmet:choose', { sessionId: session.id, choice: 'education' }));
    expectOk(await kiosk.send('helmet:heartbeat', { sessionId: session.id, position: 1, state: 'paused' }));
    now += 5_000;
    expect(expectOk(await kiosk.send('helmet:heartbeat', { sessionId: session.id, position: 1, state: 'paused' })).phase).toBe('video');
    now += 1_000;
    expect(expectOk(await kiosk.send('helmet:heartbeat', { sessionId: session.id, position: 1, state: 'paused' })).phase).toBe('abandoned');
  });

  it("refuses another kiosk's session, a double offer and an oversized signature", async () => {
    const core = await start();
    const { officer, kiosk, kioskId, session, stop } = await offered(core);
    const other = await pairedKiosk(core.url, officer);
    clients.push(other.kiosk);
    expect(await other.kiosk.send('helmet:choose', { sessionId: session.id, choice: 'education' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // Two kiosks paired now: the booth must say which.
    const second = expectOk(await officer.send('helmet:create', { vehicle: 'ebike', plate: '鲁PC1111' }));
    expect(await officer.send('helmet:offer', { stopId: second.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // The first kiosk is busy with its rider; the first stop already has its live session.
    expect(await officer.send('helmet:offer', { stopId: second.id, kioskId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await officer.send('helmet:offer', { stopId: stop.id, kioskId: other.kioskId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const huge = `data:image/png;base64,${'A'.repeat(60_000)}`;
    expect(await kiosk.send('helmet:pledge', { sessionId: session.id, signature: huge })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await officer.send('helmet:offer', { stopId: second.id, kioskId: other.kioskId })).toMatchObject({ ok: true });
  });

  it('never puts a full ID number in a push, a reply or the log', async () => {
    const core = await start();
    const seen: unknown[] = [];
    const { officer, kiosk, session } = await offered(core);
    officer.socket.onAny((...args) => seen.push(args));
    kiosk.socket.onAny((...args) => seen.push(args));
    const id2 = validId('37150219851111002');
    seen.push(await officer.send('helmet:create', { vehicle: 'ebike', idNumber: id2 }));
    seen.push(await officer.send('helmet:create', { vehicle: 'ebike', idNumber: id2.slice(0, 17) + (id2.endsWith('1') ? '2' : '1') }));
    seen.push(await officer.send('helmet:list', {}));
    seen.push(await kiosk.send('helmet:choose', { sessionId: session.id, choice: 'education' }));
    await new Promise((r) => setTimeout(r, 50)); // let the last pushes land
    expect(JSON.stringify(seen)).not.toMatch(FULL_ID_PATTERN);
    expect(readFileSync(join(core.dataDir, 'logs', 'core.log'), 'utf8')).not.toMatch(FULL_ID_PATTERN);
    // The audit log holds hex hashes, so look for the numbers themselves there.
    const audit = JSON.stringify(core.core.db.prepare('SELECT actor, action, details FROM audit_log').all());
    for (const id of [ID_A, id2]) expect(audit).not.toContain(id.slice(0, 17));
  });
});
