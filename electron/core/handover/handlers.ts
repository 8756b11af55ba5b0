import type { Principal } from '../../../shared/contract/pushes';
import { broadcastEscort } from '../escorts/handlers';
import { escortActorOf } from '../escorts/actor';
import { loadEscort } from '../escorts/records';
import { forbidden } from '../errors';
import { listKiosks } from '../kiosk/handlers';
import type { Handlers } from '../socket/handlers';
import { readHandoverContents } from './contents';
import { stampHandoverPrint } from './print';
import { listHandovers, readHandover } from './records';
import { signHandover } from './sign';

type HandoverEvent = 'handover:draft' | 'handover:sign' | 'handover:list' | 'handover:detail' | 'handover:printStamp';

const officerOf = (p: Principal) => {
  if (p.kind !== 'officer') throw forbidden('仅民警可办理交接班');
  return { id: p.officer.id, badge: p.officer.badge, name: p.officer.name };
};

export const handoverHandlers: Handlers<HandoverEvent> = {
  'handover:draft'(_req, { core, socket }) {
    const outgoing = officerOf(socket.data.principal);
    return { outgoing, contents: readHandoverContents(core.db, listKiosks(core), core.clock()) };
  },

  async 'handover:sign'(req, { core, socket }) {
    const by = escortActorOf(socket.data.principal);
    const { record, takenOver } = await signHandover(core.db, req, by, listKiosks(core), core.clock());
    // Each taken-over escort now has the incoming officer on its crew: every board shows it at once.
    for (const id of takenOver) broadcastEscort(core, loadEscort(core.db, id)!, false);
    return record;
  },

  'handover:list': (req, { core }) => listHandovers(core.db, req.date),

  'handover:detail': (req, { core }) => readHandover(core.db, req.id),

  'handover:printStamp'(req, { core, socket }) {
    const printedBy = officerOf(socket.data.principal);
    return stampHandoverPrint(core.db, req, printedBy, escortActorOf(socket.data.principal).actor, core.clock());
  },
};
