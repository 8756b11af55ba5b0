import { randomBytes } from 'node:crypto';
import type { QuestionDraft, QuizQuestionEntry } from '../../../shared/contract/content';
import type { Settings } from '../../../shared/domain/settings';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { conflict, notFound, validation } from '../errors';
import { findVideo } from '../helmet/content';
import { readSettings } from '../settings-store';

interface QuestionRow {
  id: string;
  video_id: string | null;
  question: string;
  options: string;
  answer: number;
  active: number;
  added_at: number;
  superseded_by: string | null;
}

const toEntry = (r: QuestionRow): QuizQuestionEntry => ({
  id: r.id,
  question: r.question,
  options: JSON.parse(r.options) as string[],
  answer: r.answer,
  videoId: r.video_id,
  active: r.active === 1,
  addedAt: r.added_at,
});

const findQuestion = (db: Db, id: string) => stmt(db, 'SELECT * FROM quiz_questions WHERE id = ?').get(id) as QuestionRow | undefined;

/** A quiz draws this many questions at most (first offence or overridden repeat): fewer active ones cannot fill it. */
export const minActiveQuestions = (settings: Settings) => Math.max(settings.helmetQuizQuestionsFirst, settings.helmetQuizQuestionsRepeat);

/** The bank as the editor shows it: current versions, in the order they were added. */
export function listQuestions(db: Db): QuizQuestionEntry[] {
  const rows = stmt(db, 'SELECT * FROM quiz_questions WHERE superseded_by IS NULL ORDER BY added_at, id').all() as QuestionRow[];
  return rows.map(toEntry);
}

function checkLinkedVideo(db: Db, videoId: string | null) {
  if (videoId !== null && !findVideo(db, videoId)) throw validation('关联的视频不存在，请重新选择');
}

/** The current version of a question, or a refusal naming why it cannot be changed. */
function currentQuestion(db: Db, id: string): QuestionRow {
  const row = findQuestion(db, id);
  if (!row) throw notFound('题目不存在');
  if (row.superseded_by !== null) throw conflict('该题目已被修改过，请刷新列表后再操作');
  return row;
}

const newQuestionId = () => `q-${randomBytes(6).toString('hex')}`;

function insertQuestion(db: Db, draft: QuestionDraft, active: boolean, now: number): string {
  const id = newQuestionId();
  stmt(db, 'INSERT INTO quiz_questions (id, video_id, question, options, answer, active, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    draft.videoId,
    draft.question,
    JSON.stringify(draft.options),
    draft.answer,
    active ? 1 : 0,
    now,
  );
  return id;
}

export function addQuestion(db: Db, draft: QuestionDraft, actor: string, now: number): QuizQuestionEntry {
  return db.transaction(() => {
    checkLinkedVideo(db, draft.videoId);
    const id = insertQuestion(db, draft, true, now);
    appendAudit(db, { actor, action: 'content.question.add', entity: 'quiz_question', entityId: id, details: { ...draft } }, now);
    return toEntry(findQuestion(db, id)!);
  })();
}

const sameContent = (r: QuestionRow, d: QuestionDraft) =>
  r.question === d.question && r.options === JSON.stringify(d.options) && r.answer === d.answer && r.video_id === d.videoId;

/**
 * An edit adds a new version and retires the old one (inactive, `superseded_by` the new id). A quiz
 * already drawn for a rider stores question ids and is shown and scored from them, so it keeps the
 * wording and answer the rider saw; the old version also stays the record of what was asked.
 */
export function editQuestion(db: Db, questionId: string, draft: QuestionDraft, actor: string, now: number): QuizQuestionEntry {
  return db.transaction(() => {
    const old = currentQuestion(db, questionId);
    if (sameContent(old, draft)) return toEntry(old);
    checkLinkedVideo(db, draft.videoId);
    const id = insertQuestion(db, draft, old.active === 1, now);
    stmt(db, 'UPDATE quiz_questions SET active = 0, superseded_by = ? WHERE id = ?').run(id, old.id);
    appendAudit(
      db,
      {
        actor,
        action: 'content.question.edit',
        entity: 'quiz_question',
        entityId: id,
        details: { replaces: old.id, before: toEntry(old), after: { ...draft } },
      },
      now,
    );
    return toEntry(findQuestion(db, id)!);
  })();
}

/** 停用 / 启用. The bank keeps at least as many active questions as one quiz draws. */
export function setQuestionActive(db: Db, questionId: string, active: boolean, actor: string, now: number): QuizQuestionEntry {
  return db.transaction(() => {
    const row = currentQuestion(db, questionId);
    if (row.active === (active ? 1 : 0)) return toEntry(row);
    if (!active) {
      const min = minActiveQuestions(readSettings(db));
      const activeCount = stmt(db, 'SELECT COUNT(*) FROM quiz_questions WHERE active = 1').pluck().get() as number;
      if (activeCount - 1 < min) throw conflict(`启用的题目不能少于 ${min} 道（一次测验要抽取的题数），请先新增题目再停用`);
    }
    stmt(db, 'UPDATE quiz_questions SET active = ? WHERE id = ?').run(active ? 1 : 0, questionId);
    appendAudit(
      db,
      { actor, action: active ? 'content.question.activate' : 'content.question.deactivate', entity: 'quiz_question', entityId: questionId, details: { question: row.question } },
      now,
    );
    return toEntry(findQuestion(db, questionId)!);
  })();
}
