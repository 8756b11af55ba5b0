import type { EscortTally, OfficerTally } from '../../../shared/contract/reports';
import { conditions, destinations, requestSources, vehicleKinds } from '../../../shared/domain/escort-kinds';
import type { Range } from '../../../shared/domain/time';
import type { Db } from '../db/open';
import { localHourIn } from './local-clock';
import { bump, intervalStats, medianMinutes, zeroCounts } from './stats';

/**
 * The month's escorts in one index range scan (escorts_requested_at), as raw arrays: every figure of
 * the tally is one pass over these rows, so the table is read once whatever the number of figures.
 */
export const ESCORT_ROWS_SQL = `
SELECT id, source, vehicle, condition, destination, status, requested_at, met_at, arrived_at, handed_over_at
FROM escorts WHERE requested_at >= ? AND requested_at < ?`;

/** Who took part: escorts_requested_at (covering) drives, escort_officers is probed by key (CROSS JOIN pins that order). */
export const ESCORT_OFFICERS_SQL = `
SELECT eo.escort_id, eo.officer_id FROM escorts e CROSS JOIN escort_officers eo ON eo.escort_id = e.id
WHERE e.requested_at >= ? AND e.requested_at < ?`;

type EscortRow = [
  id: number,
  source: string | null,
  vehicle: string | null,
  condition: string | null,
  destination: string | null,
  status: string,
  requestedAt: number,
  metAt: number | null,
  arrivedAt: number | null,
  handedOverAt: number | null,
];

interface OfficerAcc {
  escorts: number;
  handedOver: number;
  cancelled: number;
  toHandover: number[];
}

export function escortTally(db: Db, range: Range, timeZone: string): EscortTally {
  const rows = db.prepare(ESCORT_ROWS_SQL).raw(true).all(range.start, range.end) as EscortRow[];
  const hourOf = localHourIn(range, timeZone);
  const tally = {
    requests: rows.length,
    total: 0,
    handedOver: 0,
    cancelled: 0,
    open: 0,
    bySource: zeroCounts(Object.keys(requestSources)),
    byCondition: zeroCounts(Object.keys(conditions)),
    byVehicle: zeroCounts(Object.keys(vehicleKinds)),
    byDestination: zeroCounts(Object.keys(destinations)),
    byHour: new Array<number>(24).fill(0),
  };
  const toMet: number[] = [];
  const metToArrived: number[] = [];
  const toHandover: number[] = [];
  const byId = new Map<number, EscortRow>();
  for (const r of rows) {
    const [id, source, vehicle, condition, destination, status, requestedAt, metAt, arrivedAt, handedOverAt] = r;
    byId.set(id, r);
    bump(tally.bySource, source);
    bump(tally.byVehicle, vehicle);
    bump(tally.byCondition, condition);
    bump(tally.byDestination, destination);
    if (status === 'handedOver') tally.handedOver++;
    else if (status === 'cancelled') tally.cancelled++;
    else tally.open++;
    if (status !== 'cancelled') tally.total++;
    tally.byHour[hourOf(requestedAt)]!++;
    if (metAt !== null) toMet.push(metAt - requestedAt);
    if (metAt !== null && arrivedAt !== null) metToArrived.push(arrivedAt - metAt);
    if (handedOverAt !== null) toHandover.push(handedOverAt - requestedAt);
  }
  return {
    ...tally,
    intervals: {
      requestToMet: intervalStats(toMet),
      metToArrived: intervalStats(metToArrived),
      requestToHandover: intervalStats(toHandover),
    },
    byOfficer: officerTallies(db, range, byId),
  };
}

function officerTallies(db: Db, range: Range, byId: Map<number, EscortRow>): OfficerTally[] {
  const links = db.prepare(ESCORT_OFFICERS_SQL).raw(true).all(range.start, range.end) as [number, number][];
  const acc = new Map<number, OfficerAcc>();
  for (const [escortId, officerId] of links) {
    const row = byId.get(escortId);
    if (!row) continue; // recorded between the two reads; the next refresh counts it
    let a = acc.get(officerId);
    if (!a) acc.set(officerId, (a = { escorts: 0, handedOver: 0, cancelled: 0, toHandover: [] }));
    if (row[5] !== 'cancelled') a.escorts++;
    if (row[5] === 'handedOver') a.handedOver++;
    if (row[5] === 'cancelled') a.cancelled++;
    if (row[9] !== null) a.toHandover.push(row[9] - row[6]);
  }
  if (acc.size === 0) return [];
  const officers = db.prepare('SELECT id, badge, name FROM officers').all() as { id: number; badge: string; name: string }[];
  const who = new Map(officers.map((o) => [o.id, o]));
  return [...acc]
    .map(([officerId, a]) => ({
      officerId,
      badge: who.get(officerId)?.badge ?? String(officerId),
      name: who.get(officerId)?.name ?? '',
      escorts: a.escorts,
      handedOver: a.handedOver,
      cancelled: a.cancelled,
      medianRequestToHandover: medianMinutes(a.toHandover),
    }))
    .sort((x, y) => y.escorts - x.escorts || x.badge.localeCompare(y.badge));
}
