import type { Principal } from '../../../shared/contract/index';
import { actorOf, rooms, type Core, type GreenSocket } from '../context';
import { riderSecret } from '../secrets/rider-secret';
import { askCityVerdict } from '../city/rider-verdict';
import { conflict, forbidden, validation } from '../errors';
import { kioskOnline, listKiosks } from '../kiosk/handlers';
import type { Handlers } from '../socket/handlers';
import { pledgeImage, signPledge } from './pledge';
import { submitQuiz } from './quiz';
import { chooseOption, loadSession, offerEducation, resumeForKiosk, stopSession, walkAway, type SessionRow } from './sessions';
import { cancelStop, createStop, overrideEligibility, recordFine, undoFineChoice, type Actor } from './stops';
import { attend, recordHeartbeat, type ProgressResult } from './video-progress';
import { listStops, searchStops, stopView, toHelmetStop, toKioskSession } from './views';

type HelmetEvent =
  | 'helmet:create'
  | 'helmet:list'
  | 'helmet:search'
  | 'helmet:override'
  | 'helmet:offer'
  | 'helmet:stopSession'
  | 'helmet:recordFine'
  | 'helmet:cancel'
  | 'helmet:undoFine'
  | 'helmet:signature'
  | 'helmet:kioskState'
  | 'helmet:choose'
  | 'helmet:heartbeat'
  | 'helmet:attend'
  | 'helmet:quizAnswers'
  | 'helmet:pledge'
  | 'helmet:walkAway';

function officerActor(socket: GreenSocket): Actor {
  const p: Principal = socket.data.principal;
  if (p.kind !== 'officer') throw forbidden('仅民警可用');
  return { officerId: p.officer.id, label: actorOf(p) };
}

function kioskId(socket: GreenSocket): number {
  const p = socket.data.principal;
  if (p.kind !== 'kiosk') throw forbidden('仅教育屏可用');
  return p.kiosk.id;
}

/** After a commit: every officer sees the stop as it now is. */
export const pushStop = (core: Core, stopId: number) => core.io.to(rooms.officers).emit('helmet:stop', stopView(core.db, stopId));

/** After a commit: the kiosk learns its session's new phase, and the officers the stop's. */
export function pushSession(core: Core, s: SessionRow) {
  core.io.to(rooms.kiosk(s.kiosk_id)).emit('helmet:session', toKioskSession(core.db, s, core.clock()));
  pushStop(core, s.stop_id);
}

/** Heartbeats move the booth's percentage; a phase change also goes to the kiosk in full. */
function afterProgress(core: Core, r: ProgressResult) {
  if (r.phaseChanged) pushSession(core, r.session);
  else pushStop(core, r.session.stop_id);
  return r.reply;
}

/** With one paired kiosk the officer is not asked; with several the booth sends the one picked. */
function pickKiosk(core: Core, requested: number | undefined): number {
  const kiosks = listKiosks(core);
  const chosen = requested ?? (kiosks.length === 1 ? kiosks[0]!.id : undefined);
  if (kiosks.length === 0) throw conflict('尚未配对教育屏：请先点击「配对教育屏」');
  if (chosen === undefined) throw validation('已配对多块教育屏，请选择推送到哪一块', { kiosks });
  const kiosk = kiosks.find((k) => k.id === chosen);
  if (!kiosk) throw validation(`教育屏 ${chosen} 不存在或已解除配对`);
  if (!kioskOnline(core, kiosk.id)) throw conflict(`教育屏「${kiosk.name}」离线，请检查教育屏的连接`);
  return kiosk.id;
}

/** Tests may fix the randomness (prompt moments, question draws) through the core's options. */
const rand = (core: Core) => core.options.random ?? Math.random;

export const helmetHandlers: Handlers<HelmetEvent> = {
  async 'helmet:create'(req, { core, socket }) {
    const actor = officerActor(socket);
    // Asked before the (synchronous) transaction, with a short timeout: a booth never waits long on the city.
    const city = await askCityVerdict(core, req, core.clock());
    const stop = createStop(core.db, req, actor, core.clock(), riderSecret(core), city);
    const view = toHelmetStop(core.db, stop);
    core.io.to(rooms.officers).emit('helmet:stop', view);
    return view;
  },

  'helmet:list': (_req, { core }) => listStops(core.db, core.clock()),
  'helmet:search': (req, { core }) => searchStops(core.db, req.plate),

  'helmet:override'(req, { core, socket }) {
    overrideEligibility(core.db, req.stopId, req.reason, officerActor(socket), core.clock());
    pushStop(core, req.stopId);
    return stopView(core.db, req.stopId);
  },

  'helmet:offer'(req, { core, socket }) {
    const actor = officerActor(socket);
    const { session } = offerEducation(core.db, req.stopId, pickKiosk(core, req.kioskId), actor, core.clock());
    pushSession(core, session);
    return stopView(core.db, req.stopId);
  },

  'helmet:stopSession'(req, { core, socket }) {
    const { session } = stopSession(core.db, req.stopId, officerActor(socket), core.clock());
    pushSession(core, session);
    return stopView(core.db, req.stopId);
  },

  'helmet:recordFine'(req, { core, socket }) {
    recordFine(core.db, req.stopId, req.ticketNo, officerActor(socket), core.clock());
    pushStop(core, req.stopId);
    return stopView(core.db, req.stopId);
  },

  'helmet:cancel'(req, { core, socket }) {
    cancelStop(core.db, req.stopId, req.reason, officerActor(socket), core.clock());
    pushStop(core, req.stopId);
    return stopView(core.db, req.stopId);
  },

  'helmet:undoFine'(req, { core, socket }) {
    undoFineChoice(core.db, req.stopId, req.reason, officerActor(socket), core.clock());
    pushStop(core, req.stopId);
    return stopView(core.db, req.stopId);
  },

  'helmet:signature': (req, { core }) => ({ png: pledgeImage(core.db, req.stopId) }),

  'helmet:kioskState'(_req, { core, socket }) {
    const s = resumeForKiosk(core.db, kioskId(socket), core.clock());
    return s ? toKioskSession(core.db, s, core.clock()) : null;
  },

  'helmet:choose'(req, { core, socket }) {
    const s = chooseOption(core.db, kioskId(socket), req.sessionId, req.choice, core.clock(), rand(core));
    pushStop(core, s.stop_id);
    return toKioskSession(core.db, s, core.clock());
  },

  'helmet:heartbeat': (req, { core, socket }) =>
    afterProgress(core, recordHeartbeat(core.db, kioskId(socket), req.sessionId, req, core.clock(), rand(core))),

  'helmet:attend': (req, { core, socket }) => afterProgress(core, attend(core.db, kioskId(socket), req.sessionId, core.clock(), rand(core))),

  'helmet:quizAnswers'(req, { core, socket }) {
    const s = submitQuiz(core.db, kioskId(socket), req.sessionId, req.answers, core.clock(), rand(core));
    pushStop(core, s.stop_id);
    return toKioskSession(core.db, s, core.clock());
  },

  'helmet:pledge'(req, { core, socket }) {
    const s = signPledge(core.db, kioskId(socket), req.sessionId, req.signature, core.clock());
    pushStop(core, s.stop_id);
    return toKioskSession(core.db, s, core.clock());
  },

  'helmet:walkAway'(req, { core, socket }) {
    const s = walkAway(core.db, kioskId(socket), req.sessionId, req.reason, core.clock());
    pushStop(core, s.stop_id);
    return toKioskSession(core.db, loadSession(core.db, s.id)!, core.clock());
  },
};
