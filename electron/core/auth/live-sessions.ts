import type { ServerPushes } from '../../../shared/contract/index';
import { rooms, type Core, type GreenSocket } from '../context';
import { findOfficerById, toOfficer } from '../identity/officers';
import { helloFor } from '../socket/connection';

const socketsIn = (core: Core, room: string): GreenSocket[] =>
  [...(core.io.sockets.adapter.rooms.get(room) ?? [])].flatMap((id) => core.io.sockets.sockets.get(id) ?? []);

/**
 * Signs out every window of the given sessions (token hashes). The sockets stay connected (one of
 * them may still owe an ack) but become anonymous at once and are told why.
 */
export function signOutSessions(core: Core, tokenHashes: readonly string[], reason: string): void {
  for (const hash of tokenHashes) {
    for (const socket of socketsIn(core, rooms.session(hash))) {
      socket.data.principal = { kind: 'anonymous' };
      socket.data.sessionHash = undefined;
      void socket.leave(rooms.officers);
      void socket.leave(rooms.session(hash));
      socket.emit('session:ended', { reason });
    }
  }
}

/**
 * After an officer's role changed, every live window of theirs re-reads it: the router checks access
 * against `socket.data.principal`, so a demotion takes effect on the next event, and the fresh
 * `core:hello` redraws the screen with the menus the new role allows.
 */
export function refreshOfficerSessions(core: Core, officerId: number): void {
  const row = findOfficerById(core.db, officerId);
  if (!row) return;
  const hashes = core.db.prepare('SELECT token_hash FROM sessions WHERE officer_id = ?').pluck().all(officerId) as string[];
  for (const hash of hashes) {
    for (const socket of socketsIn(core, rooms.session(hash))) {
      socket.data.principal = { kind: 'officer', officer: toOfficer(row) };
      socket.emit('core:hello', helloFor(core, socket.data.principal));
    }
  }
}

/** Emits a push to every signed-in admin window (there is no admin room: roles can change mid-session). */
export function toAdmins<P extends keyof ServerPushes>(core: Core, name: P, ...args: Parameters<ServerPushes[P]>): void {
  for (const socket of socketsIn(core, rooms.officers)) {
    const p = socket.data.principal;
    if (p.kind === 'officer' && p.officer.role === 'admin') (socket.emit as (n: P, ...a: unknown[]) => void)(name, ...args);
  }
}
