import type { AdvisoryTally } from '../../../shared/contract/advisories';
import { rooms, type Core } from '../context';
import { escortActorOf } from '../escorts/actor';
import type { Handlers } from '../socket/handlers';
import { currentShift, readTally, tapAdvisory, undoAdvisory } from './advisories';

const pushed = (core: Core, tally: AdvisoryTally) => {
  core.io.to(rooms.officers).emit('advisory:changed', tally);
  return tally;
};

export const advisoryHandlers: Handlers<'advisory:tap' | 'advisory:undo' | 'advisory:mine'> = {
  'advisory:tap': (req, { core, socket }) =>
    pushed(core, tapAdvisory(core.db, req.kind, escortActorOf(socket.data.principal), core.clock())),

  'advisory:undo': (req, { core, socket }) =>
    pushed(core, undoAdvisory(core.db, req.kind, escortActorOf(socket.data.principal), core.clock())),

  'advisory:mine'(_req, { core, socket }) {
    const me = escortActorOf(socket.data.principal);
    return readTally(core.db, me.officerId, currentShift(core.db, core.clock()));
  },
};
