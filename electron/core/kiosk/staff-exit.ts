import { networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import { appendAudit } from '../audit/chain';
import { forbidden } from '../errors';
import { login } from '../identity/login';
import { endSession, hashToken } from '../identity/sessions';
import type { Handlers } from '../socket/handlers';

const LOOPBACK = /^(127\.|::1$|localhost$)/;

/**
 * The kiosk page URLs a LAN tablet can open: none while the core listens on loopback only; with a
 * wildcard bind, one per non-internal IPv4 address of this machine.
 */
export function kioskLinks(host: string, port: number): string[] {
  if (LOOPBACK.test(host)) return [];
  const hosts =
    host === '0.0.0.0' || host === '::'
      ? Object.values(networkInterfaces())
          .flat()
          .filter((a) => a && a.family === 'IPv4' && !a.internal)
          .map((a) => a!.address)
      : [host.includes(':') ? `[${host}]` : host];
  return hosts.map((h) => `http://${h}:${port}/kiosk`);
}

export const kioskStaffHandlers: Handlers<'kiosk:staffExit' | 'kiosk:links'> = {
  /**
   * Checked exactly like a login (wrong PINs count towards the same lockout), then the session it made
   * is dropped at once: the kiosk never holds an officer's session.
   */
  async 'kiosk:staffExit'(req, { core, socket }) {
    const p = socket.data.principal;
    if (p.kind !== 'kiosk') throw forbidden('仅教育屏可用');
    const now = core.clock();
    const grant = await login(core.db, req.badge, req.pin, now);
    endSession(core.db, hashToken(grant.token));
    if (grant.officer.role !== 'admin') throw forbidden('只有管理员可以退出教育屏');
    appendAudit(core.db, { actor: `officer:${grant.officer.badge}`, action: 'kiosk.staffExit', entity: 'kiosk', entityId: p.kiosk.id }, now);
    return { exited: core.options.onKioskExit?.(p.kiosk.id) ?? false };
  },

  'kiosk:links'(_req, { core }) {
    const address = core.io.httpServer?.address() as AddressInfo | null;
    // The address actually bound: --host, else the saved 监听地址.
    return { urls: address ? kioskLinks(address.address, address.port) : [] };
  },
};
