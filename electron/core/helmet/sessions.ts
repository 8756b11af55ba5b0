import { isLivePhase, type SessionEndReason, type SessionPhase } from '../../../shared/domain/helmet';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { conflict, notFound } from '../errors';
import { readSettings } from '../settings-store';
import { findVideo } from './content';
import { educationAllowed, loadStop, moveStop, type Actor, type StopRow } from './stops';
import { freshWatchState, nextPromptMark, type WatchState } from './watch-counter';
import { stmt } from '../db/statements';

export interface SessionRow {
  id: number;
  stop_id: number;
  kiosk_id: number;
  video_id: string;
  duration_seconds: number;
  phase: SessionPhase;
  offered_at: number;
  chosen_at: number | null;
  watched_seconds: number;
  furthest_seconds: number;
  heartbeats: number;
  last_beat_at: number | null;
  credit_bank: number;
  paused_since: number | null;
  prompt_at: number | null;
  prompt_watched: number | null;
  prompt_furthest: number | null;
  next_prompt_at: number | null;
  prompts_shown: number;
  prompts_missed: number;
  video_completed_at: number | null;
  quiz_question_ids: string | null;
  quiz_attempts: number;
  quiz_score: number | null;
  pledge_signed_at: number | null;
  completed_at: number | null;
  ended_at: number | null;
  end_reason: SessionEndReason | null;
  updated_at: number;
}

export const loadSession = (db: Db, id: number) =>
  stmt(db, 'SELECT * FROM education_sessions WHERE id = ?').get(id) as SessionRow | undefined;

export const liveSessionOfKiosk = (db: Db, kioskId: number) =>
  stmt(db, `SELECT * FROM education_sessions WHERE kiosk_id = ? AND phase IN ('choice', 'video', 'quiz', 'pledge')`)
    .get(kioskId) as SessionRow | undefined;

export const liveSessionOfStop = (db: Db, stopId: number) =>
  stmt(db, `SELECT * FROM education_sessions WHERE stop_id = ? AND phase IN ('choice', 'video', 'quiz', 'pledge')`)
    .get(stopId) as SessionRow | undefined;

/** A kiosk may only touch its own sessions; anyone else's is simply not found. */
export function kioskSession(db: Db, kioskId: number, sessionId: number): SessionRow {
  const s = loadSession(db, sessionId);
  if (!s || s.kiosk_id !== kioskId) throw notFound('教育会话不存在或已结束');
  return s;
}

export const toWatchState = (s: SessionRow): WatchState => ({
  watched: s.watched_seconds,
  furthest: s.furthest_seconds,
  bank: s.credit_bank,
  lastBeatAt: s.last_beat_at,
  pausedSince: s.paused_since,
  promptAt: s.prompt_at,
  promptWatched: s.prompt_watched,
  promptFurthest: s.prompt_furthest,
  nextPromptAt: s.next_prompt_at,
  promptsShown: s.prompts_shown,
  promptsMissed: s.prompts_missed,
});

/** The row as saveWatchState leaves it. */
export const withWatchState = (s: SessionRow, w: WatchState, now: number, beats = 1): SessionRow => ({
  ...s,
  watched_seconds: w.watched,
  furthest_seconds: w.furthest,
  credit_bank: w.bank,
  last_beat_at: w.lastBeatAt,
  paused_since: w.pausedSince,
  prompt_at: w.promptAt,
  prompt_watched: w.promptWatched,
  prompt_furthest: w.promptFurthest,
  next_prompt_at: w.nextPromptAt,
  prompts_shown: w.promptsShown,
  prompts_missed: w.promptsMissed,
  heartbeats: s.heartbeats + beats,
  updated_at: now,
});

export function saveWatchState(db: Db, sessionId: number, w: WatchState, now: number, extraBeats = 0) {
  stmt(db, 
    `UPDATE education_sessions SET watched_seconds = ?, furthest_seconds = ?, credit_bank = ?, last_beat_at = ?,
       paused_since = ?, prompt_at = ?, prompt_watched = ?, prompt_furthest = ?, next_prompt_at = ?,
       prompts_shown = ?, prompts_missed = ?, heartbeats = heartbeats + ?, updated_at = ?
     WHERE id = ?`,
  ).run(
    w.watched,
    w.furthest,
    w.bank,
    w.lastBeatAt,
    w.pausedSince,
    w.promptAt,
    w.promptWatched,
    w.promptFurthest,
    w.nextPromptAt,
    w.promptsShown,
    w.promptsMissed,
    extraBeats,
    now,
    sessionId,
  );
}

/** Sets a session's phase (and any other columns), guarded by the phase it must be in. */
export function setPhase(db: Db, s: SessionRow, phase: SessionPhase, now: number, extra: Record<string, unknown> = {}) {
  const cols = Object.keys(extra);
  const changed = stmt(db, 
      `UPDATE education_sessions SET phase = @phase, ${cols.map((c) => `${c} = @${c}, `).join('')}updated_at = @now,
         version = version + 1 WHERE id = @id AND phase = @from`,
    )
    .run({ ...extra, phase, now, id: s.id, from: s.phase }).changes;
  // Unreachable inside one synchronous transaction; kept so a future async path cannot double-write.
  if (changed !== 1) throw conflict('教育会话状态已变化，请重试');
}

/**
 * Ends a live session and moves its stop on, in the caller's transaction: walk-away, officer stop,
 * quiz failed. A session still at the choice screen stopped by the officer gives the stop back as open.
 */
export function endSession(db: Db, s: SessionRow, phase: 'abandoned' | 'stopped' | 'failed', reason: SessionEndReason, actor: string, now: number): StopRow {
  setPhase(db, s, phase, now, { ended_at: now, end_reason: reason, prompt_at: null });
  const back = phase === 'stopped' && s.phase === 'choice';
  const stop = moveStop(
    db,
    s.stop_id,
    ['offered', 'education'],
    back ? { outcome: 'open' } : { outcome: 'abandoned', closed_at: now },
    now,
  );
  appendAudit(
    db,
    {
      actor,
      action: `helmet.session.${phase}`,
      entity: 'education_session',
      entityId: s.id,
      details: { stopId: s.stop_id, reason, phase: s.phase, watchedSeconds: Math.round(s.watched_seconds) },
    },
    now,
  );
  return stop;
}

export function videoFor(db: Db, stop: StopRow) {
  const settings = readSettings(db);
  const id = settings.helmetVideoOverride || (stop.eligible === 1 ? settings.helmetVideoFirst : settings.helmetVideoRepeat);
  const video = findVideo(db, id);
  if (!video || video.active !== 1) throw conflict(`教育视频「${id}」不存在或已停用，请管理员检查设置`);
  return video;
}

/** The officer's 推送到教育屏: the kiosk leaves its attract loop for the choice screen. */
export function offerEducation(db: Db, stopId: number, kioskId: number, actor: Actor, now: number): { stop: StopRow; session: SessionRow } {
  return db.transaction(() => {
    const stop = loadStop(db, stopId);
    if (!educationAllowed(stop))
      throw conflict(`该当事人 ${stop.window_months} 个月内已有查处记录，应处罚款；如确需教育，请先「特批教育」并写明理由`);
    const kiosk = stmt(db, 'SELECT id, name FROM kiosks WHERE id = ? AND revoked_at IS NULL').get(kioskId) as
      | { id: number; name: string }
      | undefined;
    if (!kiosk) throw notFound(`教育屏 ${kioskId} 不存在或已解除配对`);
    if (liveSessionOfKiosk(db, kioskId)) throw conflict(`教育屏「${kiosk.name}」正在使用中，请等待当前骑行人完成或先停止`);
    const video = videoFor(db, stop);
    const moved = moveStop(db, stopId, ['open', 'abandoned'], { outcome: 'offered', closed_at: null }, now);
    const w = freshWatchState();
    const id = Number(
      stmt(db, 
          `INSERT INTO education_sessions (stop_id, kiosk_id, video_id, duration_seconds, phase, offered_at, offered_by,
             watched_seconds, furthest_seconds, updated_at)
           VALUES (?, ?, ?, ?, 'choice', ?, ?, ?, ?, ?)`,
        )
        .run(stopId, kioskId, video.id, video.duration_seconds, now, actor.officerId, w.watched, w.furthest, now).lastInsertRowid,
    );
    appendAudit(
      db,
      { actor: actor.label, action: 'helmet.session.offer', entity: 'education_session', entityId: id, details: { stopId, kioskId, videoId: video.id } },
      now,
    );
    return { stop: moved, session: loadSession(db, id)! };
  })();
}

/** The rider's choice on the kiosk. Repeating the same choice (a retry after a lost ack) changes nothing. */
export function chooseOption(
  db: Db,
  kioskId: number,
  sessionId: number,
  choice: 'education' | 'fine',
  now: number,
  rand: () => number,
): SessionRow {
  return db.transaction(() => {
    const s = kioskSession(db, kioskId, sessionId);
    const settled = choice === 'fine' ? s.phase === 'fine' : s.chosen_at !== null && s.phase !== 'fine';
    if (settled) return s;
    if (s.phase !== 'choice') throw conflict('此次教育已结束或已作出选择');
    if (choice === 'education') {
      const attentionEverySec = readSettings(db).helmetAttentionEverySeconds;
      setPhase(db, s, 'video', now, {
        chosen_at: now,
        video_started_at: now,
        next_prompt_at: nextPromptMark(0, { durationSec: s.duration_seconds, attentionEverySec, rand }, true),
      });
      moveStop(db, s.stop_id, ['offered'], { outcome: 'education' }, now);
    } else {
      setPhase(db, s, 'fine', now, { chosen_at: now, ended_at: now });
      moveStop(db, s.stop_id, ['offered'], { outcome: 'fined' }, now);
    }
    appendAudit(
      db,
      { actor: `kiosk:${kioskId}`, action: 'helmet.session.choose', entity: 'education_session', entityId: s.id, details: { stopId: s.stop_id, choice } },
      now,
    );
    return loadSession(db, s.id)!;
  })();
}

/** The officer stops whatever the kiosk is doing for this stop. */
export function stopSession(db: Db, stopId: number, actor: Actor, now: number): { stop: StopRow; session: SessionRow } {
  return db.transaction(() => {
    const s = liveSessionOfStop(db, stopId);
    if (!s) throw conflict('该查处没有进行中的教育');
    const stop = endSession(db, s, 'stopped', 'officer', actor.label, now);
    return { stop, session: loadSession(db, s.id)! };
  })();
}

/** The kiosk saw nobody touch it (or the video paused) for too long. Repeats are harmless. */
export function walkAway(db: Db, kioskId: number, sessionId: number, reason: 'idle' | 'paused', now: number): SessionRow {
  return db.transaction(() => {
    const s = kioskSession(db, kioskId, sessionId);
    if (!isLivePhase(s.phase)) return s;
    endSession(db, s, 'abandoned', reason, `kiosk:${kioskId}`, now);
    return loadSession(db, s.id)!;
  })();
}

/**
 * A kiosk (re)connected: its live session continues where the core last counted. The next heartbeat
 * only sets a baseline, so the time the kiosk was away is never credited.
 */
export function resumeForKiosk(db: Db, kioskId: number, now: number): SessionRow | undefined {
  return db.transaction(() => {
    const s = liveSessionOfKiosk(db, kioskId);
    if (!s) return undefined;
    if (s.phase === 'video') {
      // Nor is it a pause: the pause limit starts again from the kiosk's next paused beat.
      stmt(db, 'UPDATE education_sessions SET last_beat_at = NULL, credit_bank = 0, paused_since = NULL, updated_at = ? WHERE id = ?').run(
        now,
        s.id,
      );
    }
    return loadSession(db, s.id);
  })();
}
