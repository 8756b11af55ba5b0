import { z } from 'zod';
import {
  idNumberProblem,
  idProblemMessages,
  MAX_SIGNATURE_CHARS,
  normalizeIdNumber,
  normalizePhone,
  normalizePlate,
  PHONE_PATTERN,
  PLATE_PATTERN,
  type HelmetVehicle,
  type SessionEndReason,
  type SessionPhase,
  type StopOutcome,
} from '../domain/helmet';
import { event } from './define';

// --- What the screens see --------------------------------------------------------------------------

export interface VideoInfo {
  id: string;
  title: string;
  /** Served by the core under /media/ (Range requests supported). */
  url: string;
  captionsUrl: string | null;
  durationSec: number;
}

/** A session's progress as the booth follows it. */
export interface SessionProgress {
  id: number;
  kioskId: number;
  kioskName: string;
  phase: SessionPhase;
  /** Seconds the core has counted, never the kiosk's claim. */
  watchedSeconds: number;
  durationSec: number;
  /** Watched share of the video, 0–100, floored. */
  percent: number;
  quizAttempts: number;
  quizScore: number | null;
  promptsMissed: number;
  endReason: SessionEndReason | null;
  updatedAt: number;
}

/** A stop as the booth shows it: the ID only as its last four digits, the phone masked. */
export interface HelmetStop {
  id: number;
  vehicle: HelmetVehicle;
  plate: string | null;
  place: string;
  riderName: string | null;
  idLast4: string | null;
  phoneMasked: string | null;
  stoppedAt: number;
  officerName: string;
  /** Earlier stops of the same rider within the window, counted when the stop was saved. */
  priorStops: number;
  /** The latest of those earlier stops, so the officer can tell the rider when and where. */
  previous: { at: number; place: string } | null;
  windowMonths: number;
  /** Of `priorStops`, those the city found at other posts. */
  cityPriorStops: number;
  /**
   * Whether the city was asked: true, it answered; false, the post is enrolled but the city could not
   * be reached in time, so only this post's records were counted (未经全市核验); null, not enrolled.
   */
  cityChecked: boolean | null;
  /** First offence: may choose education. */
  eligible: boolean;
  overrideReason: string | null;
  /** Eligible, or admitted by an officer's override. */
  educationAllowed: boolean;
  outcome: StopOutcome;
  fineYuan: number;
  ticketNo: string | null;
  cancelReason: string | null;
  closedAt: number | null;
  version: number;
  session: SessionProgress | null;
}

export interface KioskQuizQuestion {
  id: string;
  question: string;
  options: string[];
}

/**
 * What a kiosk is told about its session. Nothing personal: no name, plate, ID or phone ever reaches
 * the rider's screen, so there is nothing to clear but the session itself.
 */
export interface KioskSession {
  id: number;
  phase: SessionPhase;
  vehicle: HelmetVehicle;
  fineYuan: number;
  /** A repeat rider admitted to education by an officer. */
  repeat: boolean;
  legalText: string;
  video: VideoInfo;
  watchedSeconds: number;
  furthestSeconds: number;
  quizQuestionCount: number;
  quiz: { attempt: number; maxAttempts: number; passPercent: number; questions: KioskQuizQuestion[] } | null;
  lastQuiz: { correct: number; total: number; passed: boolean } | null;
  pledgeText: string;
  idleSeconds: number;
  pauseLimitSeconds: number;
  /** An attention prompt waiting for 继续, and how long it has left. */
  prompt: { remainingMs: number } | null;
}

/** The core's answer to a heartbeat: what it counted, and where the player must be. */
export interface HeartbeatReply {
  phase: SessionPhase;
  watchedSeconds: number;
  furthestSeconds: number;
  /** Set when the player is ahead of what was counted (a jump, a missed prompt): seek back here. */
  rewindTo: number | null;
  prompt: { remainingMs: number } | null;
}

// --- Requests --------------------------------------------------------------------------------------

const id = z.number({ error: '编号无效' }).int('编号无效').positive('编号无效');
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const idNumberSchema = z
  .string()
  .max(40, '身份证号过长')
  .transform(normalizeIdNumber)
  .superRefine((v, ctx) => {
    const problem = idNumberProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: idProblemMessages[problem] });
  });
export const phoneSchema = z
  .string()
  .max(20, '手机号过长')
  .transform(normalizePhone)
  .refine((v) => PHONE_PATTERN.test(v), '手机号应为 11 位手机号码');
export const plateSchema = z
  .string()
  .max(20, '号牌过长')
  .transform(normalizePlate)
  .refine((v) => PLATE_PATTERN.test(v), '号牌应为 2–12 位汉字、字母或数字，如 鲁P·A1234');
export const ticketNoSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{6,32}$/, '处罚决定书编号应为 6–32 位数字或字母');
export const reasonSchema = z.string().trim().min(2, '请写明理由（至少 2 个字）').max(200, '理由最多 200 字');

export const newStopSchema = z
  .strictObject({
    vehicle: z.enum(['ebike', 'motorcycle'], { error: '请选择车辆类型（电动自行车或摩托车）' }),
    plate: z.preprocess(blankToUndefined, plateSchema.optional()),
    place: z.preprocess(blankToUndefined, z.string().trim().max(60, '地点最多 60 字').optional()),
    riderName: z.preprocess(blankToUndefined, z.string().trim().max(32, '姓名最多 32 字').optional()),
    idNumber: z.preprocess(blankToUndefined, idNumberSchema.optional()),
    phone: z.preprocess(blankToUndefined, phoneSchema.optional()),
  })
  .refine((v) => v.idNumber !== undefined || v.phone !== undefined || v.plate !== undefined, {
    message: '身份证号、手机号、号牌至少填写一项，才能核查是否初次违法',
  });
export type NewStop = z.output<typeof newStopSchema>;

const sessionRef = { sessionId: id };

export const helmetEvents = {
  // Booth (officers)
  'helmet:create': event<HelmetStop>()(newStopSchema, 'officer'),
  'helmet:list': event<HelmetStop[]>()(z.strictObject({}), 'officer'),
  /** Stops of any date whose plate contains `plate` (e.g. 鲁PA1 or A1234), newest first, at most 100. */
  'helmet:search': event<HelmetStop[]>()(
    z.strictObject({
      plate: z
        .string()
        .transform(normalizePlate)
        .pipe(z.string().min(2, '请至少输入号牌中的 2 个字符').max(12, '号牌最多 12 个字符')),
    }),
    'officer',
  ),
  'helmet:override': event<HelmetStop>()(z.strictObject({ stopId: id, reason: reasonSchema }), 'officer'),
  'helmet:offer': event<HelmetStop>()(z.strictObject({ stopId: id, kioskId: id.optional() }), 'officer'),
  'helmet:stopSession': event<HelmetStop>()(z.strictObject({ stopId: id }), 'officer'),
  'helmet:recordFine': event<HelmetStop>()(z.strictObject({ stopId: id, ticketNo: ticketNoSchema }), 'officer'),
  'helmet:cancel': event<HelmetStop>()(z.strictObject({ stopId: id, reason: reasonSchema }), 'officer'),
  /** 撤销罚款选择: a fine chosen on the kiosk, before its ticket number, goes back to 待推送. Audited. */
  'helmet:undoFine': event<HelmetStop>()(z.strictObject({ stopId: id, reason: reasonSchema }), 'officer'),
  'helmet:signature': event<{ png: string | null }>()(z.strictObject({ stopId: id }), 'officer'),
  // Kiosk (the rider's screen)
  'helmet:kioskState': event<KioskSession | null>()(z.strictObject({}), 'kiosk'),
  'helmet:choose': event<KioskSession>()(
    z.strictObject({ ...sessionRef, choice: z.enum(['education', 'fine'], { error: '请选择观看教育视频或接受罚款' }) }),
    'kiosk',
  ),
  'helmet:heartbeat': event<HeartbeatReply>()(
    z.strictObject({
      ...sessionRef,
      position: z.number({ error: '播放位置无效' }).finite().min(0, '播放位置无效').max(36_000, '播放位置无效'),
      state: z.enum(['playing', 'paused', 'ended']),
    }),
    'kiosk',
  ),
  'helmet:attend': event<HeartbeatReply>()(z.strictObject(sessionRef), 'kiosk'),
  'helmet:quizAnswers': event<KioskSession>()(
    z.strictObject({
      ...sessionRef,
      answers: z
        .array(z.strictObject({ questionId: z.string().min(1).max(40), choice: z.number().int().min(0).max(9) }))
        .min(1, '请作答')
        .max(20),
    }),
    'kiosk',
  ),
  'helmet:pledge': event<KioskSession>()(
    z.strictObject({
      ...sessionRef,
      signature: z
        .string()
        .max(MAX_SIGNATURE_CHARS, '签名图片过大，请清除后重新签名')
        .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/, '签名应为 PNG 图片'),
    }),
    'kiosk',
  ),
  'helmet:walkAway': event<KioskSession>()(
    z.strictObject({ ...sessionRef, reason: z.enum(['idle', 'paused']) }),
    'kiosk',
  ),
};
