import type { EscortView } from '../../../shared/contract/escorts';
import { rooms, type Core } from '../context';
import { toErEscort } from '../er/er-view';
import { readSettings } from '../settings-store';
import type { Handlers } from '../socket/handlers';
import { escortActorOf } from './actor';
import { readEscortCounters } from './counters';
import { toView, type EscortRow } from './records';
import { createEscort } from './create';
import { editEscort } from './edit';
import { officerChoices, readBoard, readDetail, searchHistory } from './queries';
import { advanceEscort, cancelEscort, undoLastStep } from './steps';

/**
 * Pushed after commit to every signed-in screen, and the ER's view of it to the hospital's pre-alert
 * screens. Counters are recounted only when a change can move them (create, cancel, edit), so a
 * step's push is just the escort.
 */
export function broadcastEscort(core: Core, escort: EscortView, countersMoved: boolean) {
  core.io.to(rooms.officers).emit('escort:changed', escort);
  core.io.to(rooms.er).emit('er:escort', toErEscort(escort));
  if (countersMoved) {
    const counters = readEscortCounters(core.db, core.clock(), readSettings(core.db).timeZone);
    core.io.to(rooms.officers).emit('escort:counters', counters);
  }
}

type EscortEvent =
  | 'escort:board'
  | 'escort:create'
  | 'escort:advance'
  | 'escort:cancel'
  | 'escort:undoStep'
  | 'escort:edit'
  | 'escort:history'
  | 'escort:detail'
  | 'escort:officers';

/** The domain returns the committed row; the screens get it as a view (names, times), pushed and acked. */
const written = (core: Core, row: EscortRow, countersMoved: boolean): EscortView => {
  const escort = toView(core.db, row);
  broadcastEscort(core, escort, countersMoved);
  return escort;
};

export const escortHandlers: Handlers<EscortEvent> = {
  'escort:board': (_req, { core }) => readBoard(core.db, core.clock()),

  'escort:create': (req, { core, socket }) =>
    written(core, createEscort(core.db, req, escortActorOf(socket.data.principal), core.clock()), true),

  'escort:advance': (req, { core, socket }) =>
    written(core, advanceEscort(core.db, req, escortActorOf(socket.data.principal), core.clock()), false),

  'escort:undoStep': (req, { core, socket }) =>
    written(core, undoLastStep(core.db, req, escortActorOf(socket.data.principal), core.clock()), false),

  'escort:cancel': (req, { core, socket }) =>
    written(core, cancelEscort(core.db, req, escortActorOf(socket.data.principal), core.clock()), true),

  'escort:edit': (req, { core, socket }) =>
    written(core, editEscort(core.db, req, escortActorOf(socket.data.principal), core.clock()), true),

  'escort:history': (req, { core }) => searchHistory(core.db, req),

  'escort:detail': (req, { core }) => readDetail(core.db, req.id),

  'escort:officers': (_req, { core }) => officerChoices(core.db),
};
