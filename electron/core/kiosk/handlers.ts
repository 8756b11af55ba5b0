import type { KioskInfo } from '../../../shared/contract/kiosk';
import { actorOf, rooms, type Core } from '../context';
import { DomainError, notFound } from '../errors';
import { readSettings } from '../settings-store';
import type { Handlers } from '../socket/handlers';
import { listKioskRows, registerKiosk, renameKiosk, revokeKiosk, toKioskInfo } from './pairing';
import type { PairingDesk } from './pairing';

export const kioskOnline = (core: Core, id: number) => (core.io.sockets.adapter.rooms.get(rooms.kiosk(id))?.size ?? 0) > 0;

export const listKiosks = (core: Core): KioskInfo[] =>
  listKioskRows(core.db).map((r) => toKioskInfo(r, kioskOnline(core, r.id)));

export const broadcastKioskStatus = (core: Core) => core.io.to(rooms.officers).emit('kiosk:status', listKiosks(core));

export const kioskHandlers = (
  desk: PairingDesk,
): Handlers<'kiosk:requestPairingCode' | 'kiosk:pair' | 'kiosk:list' | 'kiosk:unpair' | 'kiosk:rename' | 'kiosk:hello'> => ({
  'kiosk:requestPairingCode'(_req, { core, socket }) {
    if (socket.data.principal.kind !== 'anonymous') throw new DomainError('FORBIDDEN', '此屏幕已配对或已登录');
    return desk.issue(socket.id, core.clock());
  },

  'kiosk:pair'(req, { core, socket }) {
    const now = core.clock();
    const principal = socket.data.principal;
    if (principal.kind !== 'officer') throw new DomainError('FORBIDDEN', '仅民警可配对');
    const screenId = desk.redeem(req.code, now);
    const screen = screenId ? core.io.sockets.sockets.get(screenId) : undefined;
    if (!screenId) throw notFound('配对码无效或已过期，请看教育屏上的新配对码');
    if (!screen) throw notFound('该教育屏已断开连接，请刷新教育屏后重试');
    const { token, row } = registerKiosk(core.db, req.name, principal.officer.id, actorOf(principal), now);
    screen.emit('kiosk:paired', { token, kiosk: toKioskInfo(row, true) });
    broadcastKioskStatus(core);
    return toKioskInfo(row, true);
  },

  'kiosk:list': (_req, { core }) => listKiosks(core),

  'kiosk:unpair'(req, { core, socket }) {
    if (!revokeKiosk(core.db, req.kioskId, actorOf(socket.data.principal), core.clock()))
      throw notFound(`教育屏 ${req.kioskId} 不存在或已解除配对`);
    core.io.in(rooms.kiosk(req.kioskId)).emit('kiosk:unpaired');
    core.io.in(rooms.kiosk(req.kioskId)).disconnectSockets(true);
    broadcastKioskStatus(core);
    return null;
  },

  'kiosk:rename'(req, { core, socket }) {
    if (!renameKiosk(core.db, req.kioskId, req.name, actorOf(socket.data.principal), core.clock()))
      throw notFound(`教育屏 ${req.kioskId} 不存在或已解除配对`);
    // The kiosk's own screens hold their principal: give them the new name too.
    for (const screen of core.io.sockets.sockets.values()) {
      const p = screen.data.principal;
      if (p.kind === 'kiosk' && p.kiosk.id === req.kioskId) p.kiosk = { ...p.kiosk, name: req.name };
    }
    broadcastKioskStatus(core);
    return listKiosks(core).find((k) => k.id === req.kioskId)!;
  },

  'kiosk:hello'(_req, { core, socket }) {
    const p = socket.data.principal;
    if (p.kind !== 'kiosk') throw new DomainError('FORBIDDEN', '仅教育屏可用');
    return { kiosk: p.kiosk, postName: readSettings(core.db).postName };
  },
});
