import { QUIZ_MAX_ATTEMPTS } from '../../../shared/domain/helmet';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { conflict, validation } from '../errors';
import { readSettings } from '../settings-store';
import { drawQuestions, loadQuestions } from './content';
import { endSession, kioskSession, loadSession, setPhase, type SessionRow } from './sessions';
import { loadStop } from './stops';
import { stmt } from '../db/statements';

/** How many questions this rider answers: the first-offence count, or the repeat count after an override. */
export function quizSize(db: Db, s: Pick<SessionRow, 'stop_id'>): number {
  const settings = readSettings(db);
  return loadStop(db, s.stop_id).eligible === 1 ? settings.helmetQuizQuestionsFirst : settings.helmetQuizQuestionsRepeat;
}

/** Draws a fresh set of questions for the next attempt (in the caller's transaction). */
export function drawForSession(db: Db, s: SessionRow, rand: () => number): string {
  const ids = drawQuestions(db, s.video_id, quizSize(db, s), rand);
  if (ids.length === 0) throw conflict('题库为空，请管理员添加测验题目');
  return JSON.stringify(ids);
}

export interface QuizAnswer {
  questionId: string;
  choice: number;
}

/**
 * Scores an attempt. Pass (the setting, 80% by default) → pledge; a first failure → a new draw for the
 * one retry; a second failure ends the session as failed and the officer decides.
 */
export function submitQuiz(db: Db, kioskId: number, sessionId: number, answers: readonly QuizAnswer[], now: number, rand: () => number): SessionRow {
  return db.transaction(() => {
    const s = kioskSession(db, kioskId, sessionId);
    if (s.phase !== 'quiz') throw conflict('当前不在答题环节');
    const ids = JSON.parse(s.quiz_question_ids ?? '[]') as string[];
    const given = new Map(answers.map((a) => [a.questionId, a.choice]));
    if (given.size !== answers.length || ids.length !== given.size || ids.some((id) => !given.has(id)))
      throw validation('请回答本次测验的全部题目');
    const questions = loadQuestions(db, ids);
    const correct = questions.filter((q) => given.get(q.id) === q.answer).length;
    const total = ids.length;
    const percent = Math.round((correct * 100) / total);
    const passed = percent >= readSettings(db).helmetQuizPassPercent;
    const attempt = s.quiz_attempts + 1;
    stmt(db, 
      `INSERT INTO quiz_attempts (session_id, attempt, question_ids, answers, correct, total, passed, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(s.id, attempt, JSON.stringify(ids), JSON.stringify(ids.map((id) => given.get(id))), correct, total, passed ? 1 : 0, now);
    appendAudit(
      db,
      { actor: `kiosk:${kioskId}`, action: 'helmet.session.quiz', entity: 'education_session', entityId: s.id, details: { attempt, correct, total, passed } },
      now,
    );
    const scored = { quiz_attempts: attempt, quiz_score: percent };
    if (passed) setPhase(db, s, 'pledge', now, scored);
    else if (attempt < QUIZ_MAX_ATTEMPTS) {
      stmt(db, 'UPDATE education_sessions SET quiz_attempts = ?, quiz_score = ?, quiz_question_ids = ?, updated_at = ? WHERE id = ?').run(
        attempt,
        percent,
        drawForSession(db, s, rand),
        now,
        s.id,
      );
    } else {
      stmt(db, 'UPDATE education_sessions SET quiz_attempts = ?, quiz_score = ? WHERE id = ?').run(attempt, percent, s.id);
      endSession(db, loadSession(db, s.id)!, 'failed', 'quizFailed', `kiosk:${kioskId}`, now);
    }
    return loadSession(db, s.id)!;
  })();
}

export const lastAttempt = (db: Db, sessionId: number) =>
  stmt(db, 'SELECT correct, total, passed FROM quiz_attempts WHERE session_id = ? ORDER BY attempt DESC LIMIT 1')
    .get(sessionId) as { correct: number; total: number; passed: number } | undefined;
