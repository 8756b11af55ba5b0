import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HeartbeatReply } from '../../shared/contract/helmet';
import { pairedKiosk, signatureDataUrl } from '../helpers/helmet';
import { connectClient, expectOk, officerClient, tempDataDir, type TestClient } from '../helpers/test-core';
import { exited, spawnReady } from './processes';
import { figure, rng, scale } from './scale';

// The real 6-second `test-short` video on a core in its own process, so it can be killed with SIGKILL.
// The clock is the real one: the simulated player advances by the wall-clock time that passed, one
// heartbeat a second, exactly what the core's counting rules expect of a kiosk.
const limits = JSON.stringify({ publicBurst: 1e6, publicPerMinute: 1e6, eventsPerSecond: 1e6, eventBurst: 1e6 });
const dataDir = tempDataDir('r04');
const spawnCore = () =>
  spawnReady('tests/faults/child-core.ts', [dataDir, limits, '--demo', '--setting', 'helmetVideoOverride=test-short']);
let core: Awaited<ReturnType<typeof spawnCore>>;
let officer: TestClient;
let kiosk: TestClient;
let kioskToken: string;

beforeAll(async () => {
  core = await spawnCore();
  officer = await officerClient(core.ready, '900003', '123456');
  ({ kiosk, token: kioskToken } = await pairedKiosk(core.ready, officer));
});
afterAll(async () => {
  officer.close();
  kiosk.close();
  core.child.kill('SIGTERM');
  await exited(core.child);
  rmSync(dataDir, { recursive: true, force: true });
});

const tick = () => new Promise((r) => setTimeout(r, 1000)); // the kiosk's heartbeat period, not a wait for state

/**
 * A kiosk's player: plays from `from`, beats once a second with where it is, seeks back when told,
 * and returns once `until` holds or the core has moved the session on from the video.
 */
async function play(sessionId: number, from: number, duration: number, until: (r: HeartbeatReply) => boolean = () => false) {
  let position = from;
  let last = performance.now();
  for (;;) {
    const at = Math.min(position, duration);
    const reply = expectOk(await kiosk.send('helmet:heartbeat', { sessionId, position: at, state: at >= duration ? 'ended' : 'playing' }));
    if (reply.rewindTo !== null) position = reply.rewindTo;
    if (reply.phase !== 'video' || until(reply)) return { reply, position };
    await tick();
    const t = performance.now();
    position += (t - last) / 1000;
    last = t;
  }
}

/** The quiz's right answers, read from the bank in the core's data dir as only a test may. */
function rightAnswers(questionIds: string[]) {
  const db = new Database(join(dataDir, 'greenpost.db'), { readonly: true });
  try {
    const get = db.prepare('SELECT answer FROM quiz_questions WHERE id = ?');
    return questionIds.map((questionId) => ({ questionId, choice: (get.get(questionId) as { answer: number }).answer }));
  } finally {
    db.close();
  }
}

let plate = 1000;
async function startSession() {
  const stop = expectOk(await officer.send('helmet:create', { vehicle: 'ebike', plate: `鲁PR${plate++}` }));
  const shown = kiosk.next('helmet:session');
  expectOk(await officer.send('helmet:offer', { stopId: stop.id }));
  const [session] = await shown;
  expectOk(await kiosk.send('helmet:choose', { sessionId: session.id, choice: 'education' }));
  return { stopId: stop.id, sessionId: session.id, duration: session.video.durationSec };
}

/** Back with the device token: the same live session, at the point the core last counted. */
async function reconnect(url: string, sessionId: number, counted: number) {
  kiosk = await connectClient(url, { kioskToken });
  const state = expectOk(await kiosk.send('helmet:kioskState', {}));
  expect(state).toMatchObject({ id: sessionId, phase: 'video' });
  // At least what was acknowledged; at most one beat more (one in flight when the link or the core went).
  expect(state!.furthestSeconds).toBeGreaterThanOrEqual(counted - 1e-9);
  expect(state!.furthestSeconds).toBeLessThanOrEqual(counted + 2.5);
  return state!.furthestSeconds;
}

/** After the video: the quiz and the pledge, then a resent pledge and a late 'ended' beat change nothing. */
async function finish(sessionId: number, duration: number) {
  const quiz = expectOk(await kiosk.send('helmet:kioskState', {}))!;
  expect(quiz.phase).toBe('quiz');
  const answers = rightAnswers(quiz.quiz!.questions.map((q) => q.id));
  expect(expectOk(await kiosk.send('helmet:quizAnswers', { sessionId, answers })).phase).toBe('pledge');
  const signature = signatureDataUrl();
  expect(expectOk(await kiosk.send('helmet:pledge', { sessionId, signature })).phase).toBe('done');
  expect(expectOk(await kiosk.send('helmet:pledge', { sessionId, signature })).phase).toBe('done');
  expect(expectOk(await kiosk.send('helmet:heartbeat', { sessionId, position: duration, state: 'ended' })).phase).toBe('done');
}

interface SessionRecord {
  completed: number;
  videoCompletedAudits: number;
  completedAudits: number;
  outcome: string;
}

function recordOf(stopId: number, sessionId: number): SessionRecord {
  const db = new Database(join(dataDir, 'greenpost.db'), { readonly: true });
  try {
    const n = (sql: string, ...a: unknown[]) => (db.prepare(sql).get(...a) as { n: number }).n;
    const audits = (action: string) =>
      n("SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND entity = 'education_session' AND entity_id = ?", action, String(sessionId));
    return {
      completed: n('SELECT COUNT(*) AS n FROM education_sessions WHERE stop_id = ? AND completed_at IS NOT NULL', stopId),
      videoCompletedAudits: audits('helmet.session.videoCompleted'),
      completedAudits: audits('helmet.session.completed'),
      outcome: (db.prepare('SELECT outcome FROM helmet_stops WHERE id = ?').get(stopId) as { outcome: string }).outcome,
    };
  } finally {
    db.close();
  }
}

const once: SessionRecord = { completed: 1, videoCompletedAudits: 1, completedAudits: 1, outcome: 'completed' };
const completedCounter = () => {
  const db = new Database(join(dataDir, 'greenpost.db'), { readonly: true });
  try {
    return (db.prepare("SELECT value FROM counters WHERE key = 'helmet.completed'").get() as { value: number }).value;
  } finally {
    db.close();
  }
};

it('R4: a kiosk disconnected, and separately the core killed and restarted, mid-video: the session resumes and completes exactly once', async () => {
  const runs = scale(4, 1);
  const r = rng(4);
  const moments: string[] = [];
  let sessions = 0;
  for (let run = 0; run < runs; run++) {
    // 1. The kiosk's link drops mid-video and comes back with its device token.
    {
      const s = await startSession();
      const cut = 1.5 + r.next() * 2.5;
      const { reply } = await play(s.sessionId, 0, s.duration, (b) => b.furthestSeconds >= cut);
      kiosk.close();
      const from = await reconnect(core.ready, s.sessionId, reply.furthestSeconds);
      const done = await play(s.sessionId, from, s.duration);
      expect(done.reply.phase).toBe('quiz');
      await finish(s.sessionId, s.duration);
      expect(recordOf(s.stopId, s.sessionId)).toEqual(once);
      moments.push(`link cut at ${reply.furthestSeconds.toFixed(1)} s`);
      sessions++;
    }
    // 2. The core is killed with SIGKILL mid-video (a heartbeat possibly in flight) and started again.
    {
      const s = await startSession();
      const cut = 1.5 + r.next() * 2.5;
      const { reply, position } = await play(s.sessionId, 0, s.duration, (b) => b.furthestSeconds >= cut);
      void kiosk.send('helmet:heartbeat', { sessionId: s.sessionId, position: position + 1, state: 'playing' }).catch(() => undefined);
      core.child.kill('SIGKILL');
      await exited(core.child);
      kiosk.close();
      officer.close();
      core = await spawnCore();
      officer = await officerClient(core.ready, '900003', '123456');
      const from = await reconnect(core.ready, s.sessionId, reply.furthestSeconds);
      const done = await play(s.sessionId, from, s.duration);
      expect(done.reply.phase).toBe('quiz');
      await finish(s.sessionId, s.duration);
      expect(recordOf(s.stopId, s.sessionId)).toEqual(once);
      moments.push(`core killed at ${reply.furthestSeconds.toFixed(1)} s`);
      sessions++;
    }
  }
  // Each stop moved to 'completed' once: the trigger-kept counter counts every such move.
  expect(completedCounter()).toBe(sessions);
  figure('R4', `${sessions} sessions resumed (${moments.join(', ')}): each resumed at its counted second via helmet:kioskState, completed exactly once (1 completed session, 1 videoCompleted + 1 completed audit row, stop → completed once; helmet.completed counter ${sessions})`);
}, 300_000);
