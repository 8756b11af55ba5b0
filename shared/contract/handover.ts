import { z } from 'zod';
import type { AdvisoryKind, Condition, Destination, EscortStatus } from '../domain/escort-kinds';
import type { StopOutcome } from '../domain/helmet';
import type { Shift } from '../domain/shift';
import { badgeSchema } from './auth';
import { event } from './define';
import type { EscortOfficer } from './escorts';

/** One escort as a handover lists it: enough to recognise it on paper, frozen at signing. */
export interface HandoverEscort {
  id: number;
  plate: string;
  status: EscortStatus;
  condition: Condition | null;
  destination: Destination | null;
  requestedAt: number;
  /** 交接 or 取消 time; null while open. */
  closedAt: number | null;
  officers: EscortOfficer[];
}

/**
 * What a handover contains, computed by the core for the current shift. At signing it is stored as
 * JSON with the record, so a later edit of an escort or a stop never changes a signed handover.
 */
export interface HandoverContents {
  postName: string;
  timeZone: string;
  shift: Shift;
  /** 'YYYY-MM-DD' (post's zone) of the shift's start: a night shift belongs to the date it began. */
  shiftDate: string;
  shiftStart: number;
  shiftEnd: number;
  /** When the figures were read (the draft) or signed (the record). */
  asOf: number;
  /** Still open, whenever they began: each must be taken over by the incoming officer. */
  openEscorts: HandoverEscort[];
  /** Requested within the shift (open ones included) or closed within it. */
  shiftEscorts: HandoverEscort[];
  escortOutcomes: { handedOver: number; cancelled: number; open: number };
  helmetStops: { total: number; byOutcome: Record<StopOutcome, number> };
  /** Every officer's 劝导 taps filed under this shift, undone ones left out. */
  advisories: { total: number; byKind: Record<AdvisoryKind, number> };
  kiosks: { paired: number; online: number; names: { name: string; online: boolean }[] };
}

export interface HandoverDraft {
  contents: HandoverContents;
  /** The signed-in officer: the outgoing one. */
  outgoing: EscortOfficer;
}

export interface HandoverRecord {
  id: number;
  signedAt: number;
  outgoing: EscortOfficer;
  incoming: EscortOfficer;
  notes: string | null;
  /** The open escorts the incoming officer took over (their ids, all of contents.openEscorts). */
  takenOver: number[];
  contents: HandoverContents;
}

export interface HandoverDay {
  date: string;
  timeZone: string;
  /** Signed on that day in the post's zone, oldest first. */
  rows: HandoverRecord[];
}

/** A printed handover: the record plus the audit head of its own `handover.print` entry. */
export interface HandoverPrintStamp {
  generatedAt: number;
  auditSeq: number;
  auditHash: string;
  printedBy: EscortOfficer;
  handover: HandoverRecord;
}

export const HANDOVER_NOTES_MAX = 500;

const id = z.number({ error: '交接班记录编号无效' }).int('交接班记录编号无效').positive('交接班记录编号无效');
const escortId = z.number({ error: '护送记录编号无效' }).int('护送记录编号无效').positive('护送记录编号无效');
const pin = (who: string) =>
  z
    .string({ error: `请输入${who}密码` })
    .min(1, `请输入${who}密码`)
    .max(64, `${who}密码过长`);

export const signHandoverSchema = z.strictObject({
  incomingBadge: z.string({ error: '请输入接班民警警号' }).trim().min(1, '请输入接班民警警号').pipe(badgeSchema),
  incomingPin: pin('接班民警'),
  /** The signed-in officer types their PIN again: a session left open is not a signature. */
  outgoingPin: pin('交班民警'),
  notes: z
    .string({ error: '备注应为文字' })
    .trim()
    .max(HANDOVER_NOTES_MAX, `交接备注最多 ${HANDOVER_NOTES_MAX} 个字`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional(),
  /** Every still-open escort, named explicitly: the core refuses a handover that leaves one out. */
  takeOver: z
    .array(escortId, { error: '接管的护送列表无效' })
    .max(100, '接管的护送过多')
    .refine((ids) => new Set(ids).size === ids.length, '接管的护送列表有重复'),
});

export type SignHandoverInput = z.output<typeof signHandoverSchema>;

const dateKey = z.string({ error: '请选择日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

// Any officer hands over (the booth has no chief on the night shift); there is no edit event: a
// signed handover is immutable, down to triggers on its table.
export const handoverEvents = {
  'handover:draft': event<HandoverDraft>()(z.strictObject({}), 'officer'),
  'handover:sign': event<HandoverRecord>()(signHandoverSchema, 'officer'),
  'handover:list': event<HandoverDay>()(z.strictObject({ date: dateKey }), 'officer'),
  'handover:detail': event<HandoverRecord>()(z.strictObject({ id }), 'officer'),
  /** Audited as `handover.print` (browser: the print dialog) or `handover.export` (Electron: a PDF file). */
  'handover:printStamp': event<HandoverPrintStamp>()(
    z.strictObject({ id, via: z.enum(['app', 'browser']).optional() }),
    'officer',
  ),
};
