import { z } from 'zod';
import {
  conditions,
  destinations,
  keysOf,
  requestSources,
  vehicleKinds,
  type Condition,
  type Destination,
  type EscortStatus,
  type EscortStep,
  type RequestSource,
  type VehicleKind,
} from '../domain/escort-kinds';
import type { EscortIntervals } from '../domain/escort-timeline';
import type { OverdueLimits } from '../domain/overdue';
import type { PreAlertAck } from './er';
import { event } from './define';

export interface EscortOfficer {
  id: number;
  badge: string;
  name: string;
}

export interface EscortView {
  id: number;
  /** Canonical plate ('鲁P12345') or '无牌'. */
  plate: string;
  noPlateReason: string | null;
  source: RequestSource | null;
  vehicle: VehicleKind | null;
  condition: Condition | null;
  meetPoint: string | null;
  destination: Destination | null;
  hospitalNotified: boolean;
  relayFrom: string | null;
  notes: string | null;
  status: EscortStatus;
  /** Server-stamped step times, UTC ms; null until the step happens. */
  times: Record<EscortStep, number | null>;
  cancelledAt: number | null;
  cancelReason: string | null;
  /** Logged after the fact (a time earlier than the server's clock was given). */
  backdated: boolean;
  officers: EscortOfficer[];
  createdBy: EscortOfficer;
  createdAt: number;
  updatedAt: number;
  /** Bumped by every change; a step or edit names the version it saw (optimistic concurrency). */
  version: number;
  /** The hospital ER's first 已知悉, if a pre-alert screen pressed it (does not bump `version`). */
  preAlert: PreAlertAck | null;
}

export interface EscortCounters {
  today: number;
  month: number;
  year: number;
  /** 累计护送 人次: kept incrementally in `counters`, never recounted. */
  sinceOpening: number;
}

/** More than any post closes in a day (a busy one closes a dozen or two): a bound, not a page. */
export const CLOSED_TODAY_LIMIT = 200;

export interface EscortBoard {
  open: EscortView[];
  /** Every escort closed today (newest first, up to CLOSED_TODAY_LIMIT), so a finished one does not simply vanish. */
  closedToday: EscortView[];
  counters: EscortCounters;
  recentMeetPoints: string[];
  serverNow: number;
  overdue: OverdueLimits;
  timeZone: string;
  defaultPlatePrefix: string;
}

export interface EscortStepRecord {
  step: EscortStatus;
  at: number;
  officer: EscortOfficer;
  recordedAt: number;
}

export interface EscortAuditRecord {
  seq: number;
  at: number;
  actor: string;
  /** The officer's name for an `officer:<badge>` actor. */
  actorName?: string;
  action: string;
  details: Record<string, unknown>;
}

export interface EscortDetail {
  escort: EscortView;
  steps: EscortStepRecord[];
  intervals: EscortIntervals;
  audit: EscortAuditRecord[];
  /** The post's zone, to show the times as the post's wall clock. */
  timeZone: string;
}

export interface EscortPage {
  rows: EscortView[];
  total: number;
  timeZone: string;
}

/** CONFLICT details: what the screen should show instead of what it had. */
export type EscortConflict =
  | { reason: 'stale'; escort: EscortView }
  | { reason: 'closed'; escort: EscortView }
  | { reason: 'duplicatePlate'; escort: EscortView }
  /** A step pressed too soon after the one before (a repeated key or tap). */
  | { reason: 'tooSoon'; escort: EscortView }
  /** 撤销上一步 with nothing to take back, or after its window. */
  | { reason: 'noUndo'; escort: EscortView };

const id = z.number({ error: '护送记录编号无效' }).int('护送记录编号无效').positive('护送记录编号无效');
const version = z.number({ error: '版本号无效' }).int('版本号无效').positive('版本号无效');
const epochMs = z
  .number({ error: '时间无效' })
  .int('时间无效')
  .min(946_684_800_000, '时间早于 2000 年，无效')
  .max(4_102_444_800_000, '时间无效');
const text = (max: number, what: string) => z.string().trim().max(max, `${what}最多 ${max} 个字`);
const optionalText = (max: number, what: string) =>
  text(max, what)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
const reason = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(2, `请填写${what}（至少 2 个字）`)
    .max(200, `${what}最多 200 个字`);

const enumOf = <T extends object>(o: T, what: string) => z.enum(keysOf(o), { error: `未知的${what}` });

export const plateInputSchema = z.string({ error: '请填写车牌号' }).trim().min(1, '请填写车牌号').max(16, '车牌号过长');

const escortFields = {
  noPlateReason: optionalText(100, '无牌原因'),
  source: enumOf(requestSources, '请求来源').nullable().optional(),
  vehicle: enumOf(vehicleKinds, '车辆类型').nullable().optional(),
  condition: enumOf(conditions, '病情类别').nullable().optional(),
  meetPoint: optionalText(40, '会合地点'),
  destination: enumOf(destinations, '送达科室').nullable().optional(),
  hospitalNotified: z.boolean({ error: '已通知医院应为是或否' }).optional(),
  relayFrom: optionalText(40, '接力岗位'),
  notes: optionalText(500, '备注'),
  officerIds: z.array(id, { error: '民警列表无效' }).min(1, '至少需要一名民警').max(10, '最多 10 名民警').optional(),
};

/** Step times given by hand (logging after the fact); omitted steps are not yet done. */
const stepTimes = z.strictObject({
  requested: epochMs.optional(),
  met: epochMs.nullable().optional(),
  departed: epochMs.nullable().optional(),
  arrived: epochMs.nullable().optional(),
  handedOver: epochMs.nullable().optional(),
});

export const createEscortSchema = z.strictObject({
  plate: plateInputSchema,
  ...escortFields,
  times: stepTimes.optional(),
  /** Set after the officer confirmed a second open escort for the same plate. */
  confirmDuplicate: z.boolean().optional(),
});

export const editEscortSchema = z.strictObject({
  id,
  version,
  /** Optional only to fill in a running escort's blanks; the core says when it is needed. */
  reason: reason('修改原因').optional(),
  changes: z.strictObject({ plate: plateInputSchema.optional(), ...escortFields, times: stepTimes.optional() }),
});

export const advanceStepSchema = z.enum(['met', 'departed', 'arrived', 'handedOver'], { error: '未知的步骤' });

const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const historyQuerySchema = z.strictObject({
  from: dateKey.optional(),
  to: dateKey.optional(),
  plate: z.string().trim().max(16, '车牌号过长').optional(),
  source: enumOf(requestSources, '请求来源').optional(),
  condition: enumOf(conditions, '病情类别').optional(),
  officerId: id.optional(),
  outcome: z.enum(['open', 'handedOver', 'cancelled'], { error: '未知的结果' }).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

export type CreateEscortInput = z.output<typeof createEscortSchema>;
export type EditEscortInput = z.output<typeof editEscortSchema>;
export type HistoryQuery = z.output<typeof historyQuerySchema>;
export type AdvanceStep = z.output<typeof advanceStepSchema>;

export const escortEvents = {
  'escort:board': event<EscortBoard>()(z.strictObject({}), 'officer'),
  'escort:create': event<EscortView>()(createEscortSchema, 'officer'),
  'escort:advance': event<EscortView>()(z.strictObject({ id, version, step: advanceStepSchema }), 'officer'),
  'escort:cancel': event<EscortView>()(z.strictObject({ id, version, reason: reason('取消原因') }), 'officer'),
  /** 撤销上一步: the latest step, within STEP_UNDO_WINDOW_MS of it. */
  'escort:undoStep': event<EscortView>()(z.strictObject({ id, version }), 'officer'),
  'escort:edit': event<EscortView>()(editEscortSchema, 'officer'),
  'escort:history': event<EscortPage>()(historyQuerySchema, 'officer'),
  'escort:detail': event<EscortDetail>()(z.strictObject({ id }), 'officer'),
  'escort:officers': event<EscortOfficer[]>()(z.strictObject({}), 'officer'),
};
