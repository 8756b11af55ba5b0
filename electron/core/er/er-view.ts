import { ER_RECENT_MS, type ErBoard, type ErEscort, type ErScreenInfo } from '../../../shared/contract/er';
import type { EscortView } from '../../../shared/contract/escorts';
import { overdueLimitsOf } from '../../../shared/domain/overdue';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { toViews, type EscortRow } from '../escorts/records';
import { readSettings } from '../settings-store';

/** The ER's view of an escort: what is coming and where to, never who escorts it or any note. */
export const toErEscort = (e: EscortView): ErEscort => ({
  id: e.id,
  plate: e.plate,
  vehicle: e.vehicle,
  condition: e.condition,
  destination: e.destination,
  status: e.status,
  times: e.times,
  cancelledAt: e.cancelledAt,
  preAlert: e.preAlert,
});

/** Open escorts and those closed within ER_RECENT_MS, newest request first. */
export function readErBoard(db: Db, now: number, screen: ErScreenInfo): ErBoard {
  const s = readSettings(db);
  const rows = stmt<EscortRow>(
    db,
    `SELECT * FROM escorts
      WHERE status NOT IN ('handedOver', 'cancelled')
         OR (requested_at >= ? AND COALESCE(handed_over_at, cancelled_at) >= ?)
      ORDER BY requested_at DESC`,
  ).all(now - 2 * 86_400_000, now - ER_RECENT_MS);
  return {
    screen,
    postName: s.postName,
    timeZone: s.timeZone,
    serverNow: now,
    escorts: toViews(db, rows).map(toErEscort),
    overdue: overdueLimitsOf(s),
  };
}
