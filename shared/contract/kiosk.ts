import { z } from 'zod';
import { event } from './define';

export interface KioskInfo {
  id: number;
  name: string;
  pairedAt: number;
  online: boolean;
}

export interface PairingCode {
  code: string;
  expiresAt: number;
}

export const pairingCodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9]{6}$/, '配对码应为 6 位数字');

export const kioskNameSchema = z.string().trim().min(1, '请填写教育屏名称').max(32, '名称最多 32 个字');

export const kioskEvents = {
  'kiosk:requestPairingCode': event<PairingCode>()(z.strictObject({}), 'public'),
  'kiosk:pair': event<KioskInfo>()(
    z.strictObject({ code: pairingCodeSchema, name: z.string().trim().min(1).max(32).optional() }),
    'officer',
  ),
  'kiosk:list': event<KioskInfo[]>()(z.strictObject({}), 'officer'),
  'kiosk:unpair': event<null>()(z.strictObject({ kioskId: z.number().int().positive() }), 'officer'),
  /** A paired kiosk's name, as the booth lists it and 推送到哪块教育屏 asks. Audited. */
  'kiosk:rename': event<KioskInfo>()(z.strictObject({ kioskId: z.number().int().positive(), name: kioskNameSchema }), 'officer'),
  'kiosk:hello': event<{ kiosk: KioskInfo; postName: string }>()(z.strictObject({}), 'kiosk'),
};
