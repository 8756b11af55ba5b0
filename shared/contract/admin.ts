import { z } from 'zod';
import type { Settings } from '../domain/settings';
import { settingsPatchSchema } from '../domain/settings-fields';
import { badgeSchema, personNameSchema, pinSchema, roleSchema, type Officer } from './auth';
import { event } from './define';

/** An officer as the admin screen lists it: who, what role, whether active or locked out. */
export interface OfficerAccount extends Officer {
  /** Epoch ms until which login is refused after 5 wrong PINs; 0 when not locked. */
  lockedUntil: number;
  createdAt: number;
}

export interface AuditRecord {
  seq: number;
  at: number;
  actor: string;
  /** The officer's or kiosk's name when the actor is one (`officer:900001` → 王建国), as it is now. */
  actorName?: string;
  action: string;
  entity: string;
  entityId: string;
  details: Record<string, unknown>;
}

export interface AuditPage {
  rows: AuditRecord[];
  total: number;
  page: number;
  pageSize: number;
}

/** The chain's verdict, as `verifyChain` gives it. */
export type AuditVerdict =
  { ok: true; count: number; headSeq: number; headHash: string } | { ok: false; firstBadSeq: number; reason: string };

const officerId = z.number({ error: '请选择民警' }).int().positive('请选择民警');
const epochMs = z.number({ error: '时间无效' }).int().nonnegative('时间无效');
const filterText = z.string().trim().max(64, '筛选条件最多 64 个字').optional();

export const auditQuerySchema = z
  .strictObject({
    /** Who: matches inside the actor, e.g. a badge number. */
    actor: filterText,
    /** What: an action such as `officer.create`, or its prefix `officer.`. */
    action: filterText,
    from: epochMs.optional(),
    to: epochMs.optional(),
    page: z.number().int().min(1, '页码从 1 开始').max(1_000_000).default(1),
    pageSize: z.number().int().min(1, '每页至少 1 条').max(200, '每页最多 200 条').default(50),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, '开始时间不能晚于结束时间');

export const adminEvents = {
  'officers:list': event<OfficerAccount[]>()(z.strictObject({}), 'admin'),
  'officers:create': event<OfficerAccount>()(
    z.strictObject({ badge: badgeSchema, name: personNameSchema, role: roleSchema, pin: pinSchema }),
    'admin',
  ),
  /** Deactivating ends the officer's sessions at once; the last active admin cannot be deactivated. */
  'officers:setActive': event<OfficerAccount>()(z.strictObject({ officerId, active: z.boolean() }), 'admin'),
  /** The last active admin cannot be demoted. Live windows of the officer see the new role at once. */
  'officers:setRole': event<OfficerAccount>()(z.strictObject({ officerId, role: roleSchema }), 'admin'),
  /** Sets a new PIN, lifts a lockout and signs the officer out everywhere. */
  'officers:resetPin': event<OfficerAccount>()(z.strictObject({ officerId, pin: pinSchema }), 'admin'),
  /** Any signed-in officer changes their own PIN; the current one is required. */
  'account:changePin': event<null>()(
    z.strictObject({ currentPin: z.string().min(1, '请输入当前密码').max(64, '密码最多 64 位'), newPin: pinSchema }),
    'officer',
  ),
  'settings:get': event<Settings>()(z.strictObject({}), 'officer'),
  'settings:update': event<Settings>()(settingsPatchSchema, 'admin'),
  'audit:query': event<AuditPage>()(auditQuerySchema, 'admin'),
  'audit:actions': event<string[]>()(z.strictObject({}), 'admin'),
  'audit:verify': event<AuditVerdict>()(z.strictObject({}), 'admin'),
};
