import type { EscortOfficer, EscortView } from '../../../shared/contract/escorts';
import type { PreAlertAck } from '../../../shared/contract/er';
import type {
  Condition,
  Destination,
  EscortStatus,
  EscortStep,
  RequestSource,
  VehicleKind,
} from '../../../shared/domain/escort-kinds';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';

export interface EscortRow {
  id: number;
  plate: string;
  no_plate_reason: string | null;
  source: RequestSource | null;
  vehicle: VehicleKind | null;
  condition: Condition | null;
  meet_point: string | null;
  destination: Destination | null;
  hospital_notified: number;
  relay_from: string | null;
  notes: string | null;
  status: EscortStatus;
  requested_at: number;
  met_at: number | null;
  departed_at: number | null;
  arrived_at: number | null;
  handed_over_at: number | null;
  cancelled_at: number | null;
  cancel_reason: string | null;
  backdated: number;
  created_by: number;
  created_at: number;
  updated_at: number;
  version: number;
}

/** The column that holds each step's time. */
export const stepColumn = {
  requested: 'requested_at',
  met: 'met_at',
  departed: 'departed_at',
  arrived: 'arrived_at',
  handedOver: 'handed_over_at',
} as const satisfies Record<EscortStep, keyof EscortRow>;

export const findEscortRow = (db: Db, id: number) => stmt<EscortRow>(db, 'SELECT * FROM escorts WHERE id = ?').get(id);

const officerById = (db: Db, id: number) =>
  stmt<EscortOfficer>(db, 'SELECT id, badge, name FROM officers WHERE id = ?').get(id);

/**
 * The rows of `select` (which ends `WHERE <escort id column>`) for every escort in `rows`, in one
 * statement. One escort (a step, an edit) uses `= ?`; several use json_each, which keeps the
 * statement text fixed whatever the number of ids, so it stays cached.
 */
function forEscorts<T>(db: Db, rows: EscortRow[], select: string, orderBy = ''): T[] {
  return rows.length === 1
    ? stmt<T>(db, `${select} = ? ${orderBy}`).all(rows[0]!.id)
    : stmt<T>(db, `${select} IN (SELECT value FROM json_each(?)) ${orderBy}`).all(
        JSON.stringify(rows.map((r) => r.id)),
      );
}

/** Builds views for many rows with one crew query and one pre-alert query, not one per escort. */
export function toViews(db: Db, rows: EscortRow[]): EscortView[] {
  if (rows.length === 0) return [];
  const crew = new Map<number, EscortOfficer[]>();
  const links = forEscorts<EscortOfficer & { escort_id: number }>(
    db,
    rows,
    `SELECT eo.escort_id, o.id, o.badge, o.name FROM escort_officers eo
       JOIN officers o ON o.id = eo.officer_id WHERE eo.escort_id`,
    'ORDER BY eo.escort_id, o.badge',
  );
  for (const { escort_id, ...o } of links) {
    const list = crew.get(escort_id) ?? [];
    list.push(o);
    crew.set(escort_id, list);
  }
  // The ER's first 已知悉 for each escort that has one.
  const acks = new Map(
    forEscorts<PreAlertAck & { escort_id: number }>(
      db,
      rows,
      `SELECT a.escort_id, a.acked_at AS at, s.id AS screenId, s.name AS screenName
         FROM escort_pre_alerts a JOIN er_screens s ON s.id = a.er_screen_id WHERE a.escort_id`,
    ).map(({ escort_id, ...ack }) => [escort_id, ack]),
  );
  const creators = new Map<number, EscortOfficer>();
  return rows.map((r) => {
    let creator = creators.get(r.created_by);
    if (!creator) creators.set(r.created_by, (creator = officerById(db, r.created_by)!));
    return viewOf(r, crew.get(r.id) ?? [], creator, acks.get(r.id) ?? null);
  });
}

export const toView = (db: Db, row: EscortRow): EscortView => toViews(db, [row])[0]!;

export const loadEscort = (db: Db, id: number): EscortView | undefined => {
  const row = findEscortRow(db, id);
  return row && toView(db, row);
};

function viewOf(
  r: EscortRow,
  officers: EscortOfficer[],
  createdBy: EscortOfficer,
  preAlert: PreAlertAck | null,
): EscortView {
  return {
    id: r.id,
    plate: r.plate,
    noPlateReason: r.no_plate_reason,
    source: r.source,
    vehicle: r.vehicle,
    condition: r.condition,
    meetPoint: r.meet_point,
    destination: r.destination,
    hospitalNotified: r.hospital_notified === 1,
    relayFrom: r.relay_from,
    notes: r.notes,
    status: r.status,
    times: {
      requested: r.requested_at,
      met: r.met_at,
      departed: r.departed_at,
      arrived: r.arrived_at,
      handedOver: r.handed_over_at,
    },
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
    backdated: r.backdated === 1,
    officers,
    createdBy,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    preAlert,
  };
}
