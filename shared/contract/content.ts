import { z } from 'zod';
import type { Settings } from '../domain/settings';
import { event } from './define';

/** Who a video is meant for: the audience column of `videos`; `test` is the automated tests' short clip. */
export type VideoAudience = 'first' | 'repeat' | 'test' | 'any';
/** The two settings that pick a video: first-time riders, and repeat riders an officer admitted. */
export const riderGroups = ['first', 'repeat'] as const;
export type RiderGroup = (typeof riderGroups)[number];

/** A video as 管理 → 内容 lists it. */
export interface ContentVideo {
  id: string;
  title: string;
  format: 'webm' | 'mp4';
  durationSeconds: number;
  hasCaptions: boolean;
  audience: VideoAudience;
  source: 'bundled' | 'uploaded';
  active: boolean;
  /** The rider groups whose setting currently names this video. */
  assignedTo: RiderGroup[];
  addedAt: number;
}

/** A quiz question as the bank editor shows it, answer included (admins only). */
export interface QuizQuestionEntry {
  id: string;
  question: string;
  options: string[];
  answer: number;
  videoId: string | null;
  active: boolean;
  addedAt: number;
}

export interface ContentOverview {
  videos: ContentVideo[];
  /** Current versions only: an edited question's older versions stay for the quizzes that used them. */
  questions: QuizQuestionEntry[];
  assignments: Record<RiderGroup, string>;
  /** Active questions a quiz must be able to draw from: the larger of the two quiz sizes. */
  minActiveQuestions: number;
}

/** An uploaded file's stored name as `POST /api/upload` gave it: content hash plus extension. */
const storedVideo = z
  .string({ error: '请先上传视频文件' })
  .regex(/^[0-9a-f]{20}\.(webm|mp4)$/, '视频文件名无效，请重新上传视频');
const storedCaptions = z
  .string({ error: '请先上传字幕文件' })
  .regex(/^[0-9a-f]{20}\.vtt$/, '字幕文件名无效，请重新上传 WebVTT 字幕');
export const videoTitleSchema = z
  .string({ error: '请填写视频标题' })
  .trim()
  .min(1, '请填写视频标题')
  .max(40, '视频标题最多 40 个字');
const videoId = z.string({ error: '请选择视频' }).min(1, '请选择视频').max(64, '视频编号无效');
const questionId = z.string({ error: '请选择题目' }).min(1, '请选择题目').max(40, '题目编号无效');

export const questionTextSchema = z
  .string({ error: '请填写题目' })
  .trim()
  .min(1, '请填写题目')
  .max(200, '题目最多 200 个字');
export const optionTextSchema = z
  .string({ error: '选项不能为空' })
  .trim()
  .min(1, '选项不能为空')
  .max(80, '每个选项最多 80 个字');

/** A question's content, shared by add and edit: 2–6 distinct options, the answer one of them. */
export const questionDraftSchema = z
  .strictObject({
    question: questionTextSchema,
    options: z.array(optionTextSchema, { error: '请填写选项' }).min(2, '至少需要 2 个选项').max(6, '最多 6 个选项'),
    answer: z.number({ error: '请选择正确答案' }).int('请选择正确答案').min(0, '请选择正确答案'),
    /** The video the question is about; null for a general question any video's quiz may draw. */
    videoId: videoId.nullable(),
  })
  .refine((q) => q.answer < q.options.length, { message: '正确答案必须是其中一个选项', path: ['answer'] })
  .refine((q) => new Set(q.options).size === q.options.length, { message: '选项不能重复', path: ['options'] });
export type QuestionDraft = z.output<typeof questionDraftSchema>;

export const contentEvents = {
  'content:list': event<ContentOverview>()(z.strictObject({}), 'admin'),
  /**
   * Registers a video whose files were uploaded over HTTP. The core re-reads both files from its media
   * folder (format, duration, captions within the video's length); the client's claims are not used.
   */
  'content:registerVideo': event<ContentVideo>()(
    z.strictObject({ title: videoTitleSchema, videoFile: storedVideo, captionsFile: storedCaptions }),
    'admin',
  ),
  /** A video a setting currently assigns cannot be deactivated. */
  'content:setVideoActive': event<ContentVideo>()(z.strictObject({ videoId, active: z.boolean({ error: '请选择启用或停用' }) }), 'admin'),
  /** Sets helmetVideoFirst / helmetVideoRepeat to an active, non-test video. */
  'content:assignVideo': event<Settings>()(
    z.strictObject({ group: z.enum(riderGroups, { error: '请选择首次或再次违法者' }), videoId }),
    'admin',
  ),
  'content:addQuestion': event<QuizQuestionEntry>()(questionDraftSchema, 'admin'),
  /** Adds a new version of the question and retires the old one (quizzes already drawn keep it). */
  'content:editQuestion': event<QuizQuestionEntry>()(
    z.strictObject({ questionId, draft: questionDraftSchema }),
    'admin',
  ),
  'content:setQuestionActive': event<QuizQuestionEntry>()(
    z.strictObject({ questionId, active: z.boolean({ error: '请选择启用或停用' }) }),
    'admin',
  ),
};
