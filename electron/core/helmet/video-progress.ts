import type { HeartbeatReply } from '../../../shared/contract/helmet';
import { ATTENTION_TIMEOUT_SECONDS } from '../../../shared/domain/helmet';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import type { Settings } from '../../../shared/domain/settings';
import { readSettings } from '../settings-store';
import { drawForSession } from './quiz';
import { endSession, kioskSession, loadSession, saveWatchState, setPhase, toWatchState, withWatchState, type SessionRow } from './sessions';
import { attendPrompt, countBeat, isVideoComplete, type Beat, type WatchRules, type WatchState } from './watch-counter';

export interface ProgressResult {
  reply: HeartbeatReply;
  session: SessionRow;
  /** The phase moved (video → quiz, or abandoned): the kiosk and the booth get the whole session. */
  phaseChanged: boolean;
}

const rulesFor = (settings: Settings, s: SessionRow, rand: () => number): WatchRules => ({
  durationSec: s.duration_seconds,
  attentionEverySec: settings.helmetAttentionEverySeconds,
  rand,
});

function replyOf(s: SessionRow, now: number, rewindTo: number | null = null): HeartbeatReply {
  const prompt =
    s.phase === 'video' && s.prompt_at !== null
      ? { remainingMs: Math.max(0, s.prompt_at + ATTENTION_TIMEOUT_SECONDS * 1000 - now) }
      : null;
  return { phase: s.phase, watchedSeconds: s.watched_seconds, furthestSeconds: s.furthest_seconds, rewindTo, prompt };
}

/**
 * Stores what a beat was worth and, when the counted time reaches the end of the video, moves the
 * session to the quiz — once: the phase guard makes a second completion impossible, whatever the
 * kiosk resends after a reconnect or a core restart.
 */
function settle(db: Db, settings: Settings, s: SessionRow, w: WatchState, now: number, beats: number, rand: () => number, actor: string): boolean {
  saveWatchState(db, s.id, w, now, beats);
  const pauseLimitMs = settings.kioskPauseLimitSeconds * 1000;
  if (w.pausedSince !== null && now - w.pausedSince > pauseLimitMs) {
    endSession(db, loadSession(db, s.id)!, 'abandoned', 'paused', actor, now);
    return true;
  }
  if (!isVideoComplete(w, s.duration_seconds)) return false;
  setPhase(db, s, 'quiz', now, { video_completed_at: now, quiz_question_ids: drawForSession(db, s, rand) });
  appendAudit(
    db,
    {
      actor,
      action: 'helmet.session.videoCompleted',
      entity: 'education_session',
      entityId: s.id,
      details: { stopId: s.stop_id, watchedSeconds: Math.round(w.watched * 10) / 10, heartbeats: s.heartbeats + beats, promptsMissed: w.promptsMissed },
    },
    now,
  );
  return true;
}

export function recordHeartbeat(db: Db, kioskId: number, sessionId: number, beat: Beat, now: number, rand: () => number): ProgressResult {
  return db.transaction(() => {
    const s = kioskSession(db, kioskId, sessionId);
    // A beat that arrives after the video phase (a resend, a late 'ended') is answered, never counted.
    if (s.phase !== 'video') return { reply: replyOf(s, now), session: s, phaseChanged: false };
    const settings = readSettings(db);
    const result = countBeat(toWatchState(s), beat, now, rulesFor(settings, s, rand));
    const phaseChanged = settle(db, settings, s, result.next, now, 1, rand, `kiosk:${kioskId}`);
    // The common case (still watching) needs no re-read: the row is what was just written.
    const after = phaseChanged ? loadSession(db, s.id)! : withWatchState(s, result.next, now);
    return { reply: replyOf(after, now, result.rewindTo), session: after, phaseChanged };
  })();
}

/** The rider tapped 继续 on an attention prompt. */
export function attend(db: Db, kioskId: number, sessionId: number, now: number, rand: () => number): ProgressResult {
  return db.transaction(() => {
    const s = kioskSession(db, kioskId, sessionId);
    if (s.phase !== 'video') return { reply: replyOf(s, now), session: s, phaseChanged: false };
    const settings = readSettings(db);
    const { next, verdict } = attendPrompt(toWatchState(s), now, rulesFor(settings, s, rand));
    const phaseChanged = verdict === 'none' ? false : settle(db, settings, s, next, now, 0, rand, `kiosk:${kioskId}`);
    const after = loadSession(db, s.id)!;
    return { reply: replyOf(after, now, verdict === 'missed' ? after.furthest_seconds : null), session: after, phaseChanged };
  })();
}
