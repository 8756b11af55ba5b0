import { randomInt } from 'node:crypto';
import type { KioskInfo, PairingCode } from '../../../shared/contract/kiosk';
import { deviceInfo, deviceRegistry, type DeviceRow } from '../devices/device-registry';

export const PAIRING_CODE_TTL_MS = 5 * 60 * 1000;

interface Pending {
  socketId: string;
  expiresAt: number;
}

/**
 * One-time 6-digit codes shown by unpaired kiosk screens. Kept in memory on purpose: a code is worth
 * nothing after a restart (the screen asks for a new one), and single use is simply `delete`.
 */
export class PairingDesk {
  private readonly pending = new Map<string, Pending>();

  issue(socketId: string, now: number): PairingCode {
    this.sweep(now);
    for (const [code, p] of this.pending) {
      // A screen asking again gets its live code back rather than filling the table.
      if (p.socketId === socketId && p.expiresAt - now > 30_000) return { code, expiresAt: p.expiresAt };
      if (p.socketId === socketId) this.pending.delete(code);
    }
    let code: string;
    do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    while (this.pending.has(code));
    const expiresAt = now + PAIRING_CODE_TTL_MS;
    this.pending.set(code, { socketId, expiresAt });
    return { code, expiresAt };
  }

  /** Returns the waiting screen's socket id and forgets the code (single use), or undefined. */
  redeem(code: string, now: number): string | undefined {
    this.sweep(now);
    const p = this.pending.get(code);
    if (!p) return undefined;
    this.pending.delete(code);
    return p.socketId;
  }

  forgetSocket(socketId: string) {
    for (const [code, p] of this.pending) if (p.socketId === socketId) this.pending.delete(code);
  }

  private sweep(now: number) {
    for (const [code, p] of this.pending) if (p.expiresAt <= now) this.pending.delete(code);
  }
}

const kiosks = deviceRegistry({ table: 'kiosks', audit: 'kiosk', defaultName: (id) => `教育屏 ${id}` });

export const toKioskInfo: (r: DeviceRow, online: boolean) => KioskInfo = deviceInfo;

/** Creates a kiosk and its device token (returned once; only the hash is kept). */
export const registerKiosk = kiosks.register;
export const findKioskByToken = kiosks.findByToken;
export const listKioskRows = kiosks.list;
/** Renames a paired kiosk; false if there is no such paired kiosk. */
export const renameKiosk = kiosks.rename;
export const revokeKiosk = kiosks.revoke;
