import { actorOf, rooms } from '../context';
import { forbidden, notFound } from '../errors';
import { broadcastEscort } from '../escorts/handlers';
import { toView } from '../escorts/records';
import type { PairingDesk } from '../kiosk/pairing';
import type { Handlers } from '../socket/handlers';
import { acknowledgePreAlert } from './acknowledge';
import { readErBoard, toErEscort } from './er-view';
import { broadcastErStatus, erScreens, listErScreens, toErScreenInfo } from './screens';

type ErEvent = 'er:requestPairingCode' | 'er:pair' | 'er:list' | 'er:unpair' | 'er:board' | 'er:acknowledge';

/** The hospital link: pairing ER screens from the booth, and what a paired screen may read and press. */
export const erHandlers = (desk: PairingDesk): Handlers<ErEvent> => ({
  'er:requestPairingCode'(_req, { core, socket }) {
    if (socket.data.principal.kind !== 'anonymous') throw forbidden('此屏幕已配对或已登录');
    return desk.issue(socket.id, core.clock());
  },

  'er:pair'(req, { core, socket }) {
    const now = core.clock();
    const { principal } = socket.data;
    if (principal.kind !== 'officer') throw forbidden('仅民警可配对');
    const screenId = desk.redeem(req.code, now);
    const screen = screenId ? core.io.sockets.sockets.get(screenId) : undefined;
    if (!screenId) throw notFound('配对码无效或已过期，请看急诊预警屏上的新配对码');
    if (!screen) throw notFound('该预警屏已断开连接，请刷新预警屏后重试');
    const { token, row } = erScreens.register(core.db, req.name, principal.officer.id, actorOf(principal), now);
    screen.emit('er:paired', { token, screen: toErScreenInfo(row, true) });
    broadcastErStatus(core);
    return toErScreenInfo(row, true);
  },

  'er:list': (_req, { core }) => listErScreens(core),

  'er:unpair'(req, { core, socket }) {
    if (!erScreens.revoke(core.db, req.screenId, actorOf(socket.data.principal), core.clock()))
      throw notFound(`急诊预警屏 ${req.screenId} 不存在或已解除配对`);
    core.io.in(rooms.erScreen(req.screenId)).emit('er:unpaired');
    core.io.in(rooms.erScreen(req.screenId)).disconnectSockets(true);
    broadcastErStatus(core);
    return null;
  },

  'er:board'(_req, { core, socket }) {
    const { principal } = socket.data;
    if (principal.kind !== 'er') throw forbidden('仅急诊预警屏可用');
    return readErBoard(core.db, core.clock(), principal.screen);
  },

  'er:acknowledge'(req, { core, socket }) {
    const { principal } = socket.data;
    if (principal.kind !== 'er') throw forbidden('仅急诊预警屏可用');
    const escort = toView(core.db, acknowledgePreAlert(core.db, req.escortId, principal.screen, core.clock()));
    broadcastEscort(core, escort, false);
    return toErEscort(escort);
  },
});
