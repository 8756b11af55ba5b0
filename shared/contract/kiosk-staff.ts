import { z } from 'zod';
import { badgeSchema } from './auth';
import { event } from './define';

export const kioskStaffEvents = {
  /**
   * Staff leave the kiosk window (5 taps in a corner, then an admin's badge and PIN). The core checks
   * the PIN like a login (same lockout) and tells the host; `exited` is false in a plain browser, where
   * there is no kiosk window to close.
   */
  'kiosk:staffExit': event<{ exited: boolean }>()(
    z.strictObject({ badge: badgeSchema, pin: z.string().min(1, '请输入密码').max(64) }),
    'kiosk',
  ),
  /** Where a LAN tablet can open the kiosk page; empty while the core listens on loopback only. */
  'kiosk:links': event<{ urls: string[] }>()(z.strictObject({}), 'officer'),
};
