import { z } from 'zod';
import type { Condition, Destination, EscortStatus, EscortStep, VehicleKind } from '../domain/escort-kinds';
import type { OverdueLimits } from '../domain/overdue';
import { event } from './define';
import { pairingCodeSchema } from './kiosk';

/** A paired ER pre-alert screen (急诊预警屏) in the hospital's emergency department. */
export interface ErScreenInfo {
  id: number;
  name: string;
  pairedAt: number;
  online: boolean;
}

/** The first 已知悉 pressed for an escort: when, and on which screen. */
export interface PreAlertAck {
  at: number;
  screenId: number;
  screenName: string;
}

/**
 * What an ER screen sees of an escort: what is coming and where to. No officer, no notes, no meeting
 * place, no cancel reason: nothing about a patient (the post records none) and nothing about staff.
 */
export interface ErEscort {
  id: number;
  plate: string;
  vehicle: VehicleKind | null;
  condition: Condition | null;
  destination: Destination | null;
  status: EscortStatus;
  times: Record<EscortStep, number | null>;
  cancelledAt: number | null;
  preAlert: PreAlertAck | null;
}

/** Closed escorts stay on the ER screen this long, greyed, so a nurse sees one arrive and end. */
export const ER_RECENT_MS = 30 * 60_000;

export interface ErBoard {
  screen: ErScreenInfo;
  postName: string;
  timeZone: string;
  serverNow: number;
  /** Open escorts and those closed within ER_RECENT_MS, newest request first. */
  escorts: ErEscort[];
  overdue: OverdueLimits;
}

const screenId = z.number({ error: '预警屏编号无效' }).int('预警屏编号无效').positive('预警屏编号无效');

export const erEvents = {
  /** An unpaired /er screen asks for a one-time code to show; the booth enters it (er:pair). */
  'er:requestPairingCode': event<{ code: string; expiresAt: number }>()(z.strictObject({}), 'public'),
  'er:pair': event<ErScreenInfo>()(
    z.strictObject({
      code: pairingCodeSchema,
      name: z.string().trim().min(1, '请填写预警屏名称').max(32, '名称最多 32 个字').optional(),
    }),
    'officer',
  ),
  'er:list': event<ErScreenInfo[]>()(z.strictObject({}), 'officer'),
  'er:unpair': event<null>()(z.strictObject({ screenId }), 'officer'),
  'er:board': event<ErBoard>()(z.strictObject({}), 'er'),
  /** 已知悉: the first press is recorded on the escort's timeline and shown at the booth; later ones change nothing. */
  'er:acknowledge': event<ErEscort>()(
    z.strictObject({
      escortId: z.number({ error: '护送记录编号无效' }).int('护送记录编号无效').positive('护送记录编号无效'),
    }),
    'er',
  ),
};
