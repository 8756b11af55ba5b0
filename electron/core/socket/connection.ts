import type { Principal } from '../../../shared/contract/index';
import { rooms, type Core, type GreenSocket } from '../context';
import { countOfficers } from '../identity/officers';
import { resolveSession } from '../identity/sessions';
import { broadcastKioskStatus } from '../kiosk/handlers';
import { broadcastErStatus, erScreens, toErScreenInfo } from '../er/screens';
import { findKioskByToken, toKioskInfo } from '../kiosk/pairing';
import type { PairingDesks } from './register';
import { readSettings } from '../settings-store';

/**
 * Decides who a new socket is from its handshake `auth` ({ token } for an officer session,
 * { kioskToken } for a paired kiosk, { erToken } for an ER pre-alert screen). A bad token is not an error: the socket is simply anonymous
 * and may only log in, run first-time setup or ask for a pairing code.
 */
export function identify(core: Core, auth: unknown, socket: GreenSocket): Principal {
  const a = (auth && typeof auth === 'object' ? auth : {}) as Record<string, unknown>;
  const now = core.clock();
  if (socket.data.postId !== undefined) return { kind: 'post', postId: socket.data.postId };
  if (typeof a.token === 'string' && a.token.length <= 200) {
    const s = resolveSession(core.db, a.token, now);
    if (s) {
      socket.data.sessionHash = s.tokenHash;
      socket.data.sessionExpiresAt = s.expiresAt;
      return { kind: 'officer', officer: s.officer };
    }
  }
  if (typeof a.kioskToken === 'string' && a.kioskToken.length <= 200) {
    const k = findKioskByToken(core.db, a.kioskToken);
    if (k) return { kind: 'kiosk', kiosk: toKioskInfo(k, true) };
  }
  if (typeof a.erToken === 'string' && a.erToken.length <= 200) {
    const s = erScreens.findByToken(core.db, a.erToken);
    if (s) return { kind: 'er', screen: toErScreenInfo(s, true) };
  }
  return { kind: 'anonymous' };
}

/** What a screen learns on (re)connection, and again whenever who it is changes. */
export const helloFor = (core: Core, principal: Principal) => {
  const { postName, timeZone } = readSettings(core.db);
  return { needsSetup: countOfficers(core.db) === 0, postName, timeZone, demo: core.options.demo, city: core.city !== undefined, principal };
};

export function onConnection(core: Core, desks: PairingDesks, attach: (s: GreenSocket) => void) {
  return (socket: GreenSocket) => {
    socket.data.address = socket.handshake.address;
    const principal = identify(core, socket.handshake.auth, socket);
    socket.data.principal = principal;
    attach(socket);
    if (principal.kind === 'officer') {
      void socket.join([rooms.officers, rooms.session(socket.data.sessionHash!)]);
    } else if (principal.kind === 'kiosk') {
      void socket.join([rooms.kiosks, rooms.kiosk(principal.kiosk.id)]);
      broadcastKioskStatus(core);
    } else if (principal.kind === 'er') {
      void socket.join([rooms.er, rooms.erScreen(principal.screen.id)]);
      broadcastErStatus(core);
    }
    if (principal.kind !== 'post') socket.emit('core:hello', helloFor(core, principal));
    socket.on('disconnect', () => {
      desks.kiosk.forgetSocket(socket.id);
      desks.er.forgetSocket(socket.id);
      if (socket.data.principal.kind === 'kiosk') broadcastKioskStatus(core);
      if (socket.data.principal.kind === 'er') broadcastErStatus(core);
    });
  };
}
