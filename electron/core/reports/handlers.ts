import { localParts } from '../../../shared/domain/time';
import { actorOf } from '../context';
import { readSettings } from '../settings-store';
import type { Handlers } from '../socket/handlers';
import { exportEscortList } from './export-escort-list';
import { exportMonth, stampPrint } from './export-report';
import { monthReport } from './month-report';

/**
 * Files travel back in the ack as a binary attachment. The 64 KB `maxHttpBufferSize` caps only what a
 * client sends; the core's replies are not capped (tests/integration/reports.test.ts sends a file far
 * larger). One authenticated channel means no download route, no ticket store and an unchanged CSP.
 */
export const reportsHandlers: Handlers<
  'reports:month' | 'reports:export' | 'reports:exportEscortList' | 'reports:printStamp'
> = {
  'reports:month'(req, { core }) {
    const now = core.clock();
    const current = localParts(now, readSettings(core.db).timeZone);
    return monthReport(core.db, req.year ?? current.year, req.month ?? current.month, now);
  },
  'reports:export': (req, { core, socket }) => exportMonth(core.db, req, actorOf(socket.data.principal), core.clock()),
  'reports:exportEscortList': (req, { core, socket }) =>
    exportEscortList(core.db, req, actorOf(socket.data.principal), core.clock()),
  'reports:printStamp'(req, { core, socket }) {
    const p = socket.data.principal;
    const preparedBy = p.kind === 'officer' ? `${p.officer.name}（${p.officer.badge}）` : actorOf(p);
    return stampPrint(core.db, req, actorOf(p), core.clock(), preparedBy);
  },
};
