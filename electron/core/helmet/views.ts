import type { HelmetStop, KioskSession, SessionProgress } from '../../../shared/contract/helmet';
import { ATTENTION_TIMEOUT_SECONDS, PLEDGE_TEXT, QUIZ_MAX_ATTEMPTS } from '../../../shared/domain/helmet';
import type { Db } from '../db/open';
import { readSettings } from '../settings-store';
import { findVideo, loadQuestions, toKioskQuestion, toVideoInfo } from './content';
import { lastAttempt, quizSize } from './quiz';
import type { SessionRow } from './sessions';
import { educationAllowed, loadStop, type StopRow } from './stops';
import { stmt } from '../db/statements';
import { storedCityKeys } from './city-keys';

/** How far back the booth's list reaches, besides every stop still waiting for something. */
export const LIST_WINDOW_MS = 24 * 60 * 60 * 1000;
const LIST_LIMIT = 200;

const percentOf = (s: Pick<SessionRow, 'watched_seconds' | 'duration_seconds' | 'video_completed_at'>) =>
  s.video_completed_at !== null ? 100 : Math.floor(Math.min(1, s.watched_seconds / s.duration_seconds) * 100);

function progressOf(db: Db, stopId: number): SessionProgress | null {
  const s = stmt(db, 
      `SELECT s.*, k.name AS kiosk_name FROM education_sessions s JOIN kiosks k ON k.id = s.kiosk_id
       WHERE s.stop_id = ? ORDER BY s.id DESC LIMIT 1`,
    )
    .get(stopId) as (SessionRow & { kiosk_name: string }) | undefined;
  if (!s) return null;
  return {
    id: s.id,
    kioskId: s.kiosk_id,
    kioskName: s.kiosk_name,
    phase: s.phase,
    watchedSeconds: Math.round(s.watched_seconds * 10) / 10,
    durationSec: s.duration_seconds,
    percent: percentOf(s),
    quizAttempts: s.quiz_attempts,
    quizScore: s.quiz_score,
    promptsMissed: s.prompts_missed,
    endReason: s.end_reason,
    updatedAt: s.updated_at,
  };
}

/** The same rider's latest earlier stop (the rule countPriorStops applies: ID hash, else phone hash, else plate). */
function previousStop(db: Db, row: StopRow): HelmetStop['previous'] {
  if (row.prior_stops === 0) return null;
  const match = row.id_hash ? ['id_hash', row.id_hash] : row.phone_hash ? ['phone_hash', row.phone_hash] : row.plate ? ['plate', row.plate] : undefined;
  if (!match) return null;
  const found = stmt(db, 
    `SELECT stopped_at, place FROM helmet_stops
     WHERE ${match[0]} = ? AND stopped_at < ? AND outcome != 'cancelled' ORDER BY stopped_at DESC LIMIT 1`,
  ).get(match[1], row.stopped_at) as { stopped_at: number; place: string } | undefined;
  return found ? { at: found.stopped_at, place: found.place } : null;
}

export function toHelmetStop(db: Db, row: StopRow): HelmetStop {
  const officer = stmt(db, 'SELECT name FROM officers WHERE id = ?').get(row.officer_id) as { name: string } | undefined;
  const city = storedCityKeys(db, row.id);
  return {
    id: row.id,
    vehicle: row.vehicle,
    plate: row.plate,
    place: row.place,
    riderName: row.rider_name,
    idLast4: row.id_last4,
    phoneMasked: row.phone_masked,
    stoppedAt: row.stopped_at,
    officerName: officer?.name ?? '',
    priorStops: row.prior_stops,
    previous: previousStop(db, row),
    windowMonths: row.window_months,
    cityPriorStops: city?.cityPriorStops ?? 0,
    cityChecked: city?.cityChecked ?? null,
    eligible: row.eligible === 1,
    overrideReason: row.override_reason,
    educationAllowed: educationAllowed(row),
    outcome: row.outcome,
    fineYuan: row.fine_yuan,
    ticketNo: row.ticket_no,
    cancelReason: row.cancel_reason,
    closedAt: row.closed_at,
    version: row.version,
    session: progressOf(db, row.id),
  };
}

export const stopView = (db: Db, stopId: number) => toHelmetStop(db, loadStop(db, stopId));

/** The booth's list: the last day's stops and every one not yet closed, newest first. */
export function listStops(db: Db, now: number): HelmetStop[] {
  const rows = stmt(db, 
      `SELECT * FROM helmet_stops WHERE stopped_at >= ?
       UNION SELECT * FROM helmet_stops WHERE closed_at IS NULL
       ORDER BY stopped_at DESC, id DESC LIMIT ${LIST_LIMIT}`,
    )
    .all(now - LIST_WINDOW_MS) as StopRow[];
  return rows.map((r) => toHelmetStop(db, r));
}

export const SEARCH_LIMIT = 100;

/** 按号牌查找: every stop, of any date, whose plate contains `plate`; newest first. */
export function searchStops(db: Db, plate: string): HelmetStop[] {
  const like = `%${plate.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = stmt(db, 
    `SELECT * FROM helmet_stops WHERE plate LIKE ? ESCAPE '\\' ORDER BY stopped_at DESC, id DESC LIMIT ${SEARCH_LIMIT}`,
  ).all(like) as StopRow[];
  return rows.map((r) => toHelmetStop(db, r));
}

/** What the rider's screen is told: the session, the offer and the rules, nothing about the person. */
export function toKioskSession(db: Db, s: SessionRow, now: number): KioskSession {
  const settings = readSettings(db);
  const stop = loadStop(db, s.stop_id);
  const video = findVideo(db, s.video_id)!;
  const questions = s.phase === 'quiz' ? loadQuestions(db, JSON.parse(s.quiz_question_ids ?? '[]') as string[]) : [];
  const last = lastAttempt(db, s.id);
  return {
    id: s.id,
    phase: s.phase,
    vehicle: stop.vehicle,
    fineYuan: stop.fine_yuan,
    repeat: stop.eligible !== 1,
    legalText: settings.helmetLegalText,
    video: { ...toVideoInfo(video), durationSec: s.duration_seconds },
    watchedSeconds: s.watched_seconds,
    furthestSeconds: s.furthest_seconds,
    quizQuestionCount: quizSize(db, s),
    quiz:
      s.phase === 'quiz'
        ? {
            attempt: s.quiz_attempts + 1,
            maxAttempts: QUIZ_MAX_ATTEMPTS,
            passPercent: settings.helmetQuizPassPercent,
            questions: questions.map(toKioskQuestion),
          }
        : null,
    lastQuiz: last ? { correct: last.correct, total: last.total, passed: last.passed === 1 } : null,
    pledgeText: PLEDGE_TEXT,
    idleSeconds: settings.kioskIdleSeconds,
    pauseLimitSeconds: settings.kioskPauseLimitSeconds,
    prompt:
      s.phase === 'video' && s.prompt_at !== null
        ? { remainingMs: Math.max(0, s.prompt_at + ATTENTION_TIMEOUT_SECONDS * 1000 - now) }
        : null,
  };
}
