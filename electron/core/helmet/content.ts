import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { KioskQuizQuestion, VideoInfo } from '../../../shared/contract/helmet';
import { UPLOADS_URL } from '../../../shared/contract/upload';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';

const manifestSchema = z.array(
  z.strictObject({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/),
    title: z.string().min(1).max(80),
    file: z.string().regex(/^[A-Za-z0-9._-]+\.(webm|mp4)$/),
    captions: z.string().regex(/^[A-Za-z0-9._-]+\.vtt$/).optional(),
    durationSec: z.number().positive(),
    audience: z.enum(['first', 'repeat', 'test', 'any']),
  }),
);

const bankSchema = z.array(
  z
    .strictObject({
      id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
      videoId: z.string().min(1).max(64).nullable().optional(),
      question: z.string().min(1).max(200),
      options: z.array(z.string().min(1).max(80)).min(2).max(6),
      answer: z.number().int().min(0),
    })
    .refine((q) => q.answer < q.options.length, 'answer out of range'),
);

/**
 * Loads the shipped videos (resources/videos/manifest.json) and quiz bank (resources/quiz/bank.json)
 * into their tables. Rows that exist are left alone, so what an admin changed later survives upgrades.
 */
export function seedHelmetContent(db: Db, resourcesDir: string, now: number): { videos: number; questions: number } {
  const videos = manifestSchema.parse(JSON.parse(readFileSync(join(resourcesDir, 'videos', 'manifest.json'), 'utf8')));
  const bank = bankSchema.parse(JSON.parse(readFileSync(join(resourcesDir, 'quiz', 'bank.json'), 'utf8')));
  const addVideo = stmt(db, 
    `INSERT OR IGNORE INTO videos (id, title, file, captions, duration_seconds, audience, added_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const addQuestion = stmt(db, 
    `INSERT OR IGNORE INTO quiz_questions (id, video_id, question, options, answer, added_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  return db.transaction(() => {
    let v = 0;
    let q = 0;
    for (const m of videos) v += addVideo.run(m.id, m.title, m.file, m.captions ?? null, m.durationSec, m.audience, now).changes;
    const known = new Set(videos.map((m) => m.id));
    for (const b of bank) {
      const videoId = b.videoId && known.has(b.videoId) ? b.videoId : null;
      q += addQuestion.run(b.id, videoId, b.question, JSON.stringify(b.options), b.answer, now).changes;
    }
    return { videos: v, questions: q };
  })();
}

export interface VideoRow {
  id: string;
  title: string;
  file: string;
  captions: string | null;
  duration_seconds: number;
  audience: string;
  active: number;
  /** 'bundled': shipped in resources/videos; 'uploaded': an admin's upload in <data>/media. */
  source: 'bundled' | 'uploaded';
}

export const findVideo = (db: Db, id: string) =>
  stmt(db, 'SELECT * FROM videos WHERE id = ?').get(id) as VideoRow | undefined;

/** Where the kiosk fetches a video's files: the shipped ones under /media/, uploads under /uploads/. */
const mediaBase = (v: Pick<VideoRow, 'source'>) => (v.source === 'uploaded' ? UPLOADS_URL : '/media/');

export const toVideoInfo = (v: VideoRow): VideoInfo => ({
  id: v.id,
  title: v.title,
  url: `${mediaBase(v)}${encodeURIComponent(v.file)}`,
  captionsUrl: v.captions ? `${mediaBase(v)}${encodeURIComponent(v.captions)}` : null,
  durationSec: v.duration_seconds,
});

interface QuestionRow {
  id: string;
  question: string;
  options: string;
  answer: number;
}

/**
 * Draws `count` active questions at random, from the video's own first and then from the rest of the
 * bank (a video with no questions of its own, like the test video, still gets a full quiz).
 */
export function drawQuestions(db: Db, videoId: string, count: number, rand: () => number): string[] {
  const rows = stmt(db, 'SELECT id, video_id FROM quiz_questions WHERE active = 1 ORDER BY id')
    .all() as { id: string; video_id: string | null }[];
  const shuffle = <T>(a: T[]) => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  };
  const own = shuffle(rows.filter((r) => r.video_id === videoId).map((r) => r.id));
  const rest = shuffle(rows.filter((r) => r.video_id !== videoId).map((r) => r.id));
  return [...own, ...rest].slice(0, count);
}

export function loadQuestions(db: Db, ids: readonly string[]): (QuestionRow & { choices: string[] })[] {
  const get = stmt(db, 'SELECT id, question, options, answer FROM quiz_questions WHERE id = ?');
  return ids.flatMap((id) => {
    const r = get.get(id) as QuestionRow | undefined;
    return r ? [{ ...r, choices: JSON.parse(r.options) as string[] }] : [];
  });
}

/** What the kiosk may see of a question: never the answer. */
export const toKioskQuestion = (q: { id: string; question: string; choices: string[] }): KioskQuizQuestion => ({
  id: q.id,
  question: q.question,
  options: q.choices,
});
