import { shiftAt } from '../../shared/domain/shift';
import type { Db } from '../../electron/core/db/open';
import { TOTAL_KEY as ESCORTS_TOTAL_COUNTER } from '../../electron/core/escorts/counters';
import type {
  AdvisoryKind,
  Condition,
  Destination,
  EscortStatus,
  RequestSource,
  VehicleKind,
} from '../../shared/domain/escort-kinds';

const MIN = 60_000;

export interface EscortFixture {
  requestedAt: number;
  /** Minutes after 接报 of each later step; a step left out did not happen. */
  met?: number;
  departed?: number;
  arrived?: number;
  handedOver?: number;
  cancelled?: number;
  source?: RequestSource | null;
  vehicle?: VehicleKind | null;
  condition?: Condition | null;
  destination?: Destination | null;
  plate?: string;
  officers?: number[];
  relayFrom?: string | null;
}

/** Officers 1.. with badges 9100xx, inserted straight into the table (no PIN hashing needed here). */
export function insertOfficers(db: Db, names: string[]): number[] {
  return names.map((name, i) =>
    Number(
      db
        .prepare("INSERT INTO officers (badge, name, role, pin_hash, created_at) VALUES (?, ?, 'officer', 'x', 0)")
        .run(`9100${String(i + 1).padStart(2, '0')}`, name).lastInsertRowid,
    ),
  );
}

/** An escort as the escort feature would leave it, with its counter bumped the same way. */
export function insertEscort(db: Db, e: EscortFixture): number {
  const t = (m: number | undefined) => (m === undefined ? null : e.requestedAt + m * MIN);
  const status: EscortStatus =
    e.cancelled !== undefined
      ? 'cancelled'
      : e.handedOver !== undefined
        ? 'handedOver'
        : e.arrived !== undefined
          ? 'arrived'
          : e.departed !== undefined
            ? 'departed'
            : e.met !== undefined
              ? 'met'
              : 'requested';
  const officers = e.officers ?? [1];
  const id = Number(
    db
      .prepare(
        `INSERT INTO escorts (plate, source, vehicle, condition, destination, status, requested_at, met_at, departed_at,
           arrived_at, handed_over_at, cancelled_at, relay_from, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        e.plate ?? '鲁PA1234',
        e.source === undefined ? '120' : e.source,
        e.vehicle === undefined ? 'ambulance' : e.vehicle,
        e.condition === undefined ? 'cardiac' : e.condition,
        e.destination === undefined ? 'emergency' : e.destination,
        status,
        e.requestedAt,
        t(e.met),
        t(e.departed),
        t(e.arrived),
        t(e.handedOver),
        t(e.cancelled),
        e.relayFrom ?? null,
        officers[0]!,
        e.requestedAt,
        e.requestedAt,
      ).lastInsertRowid,
  );
  for (const o of officers) db.prepare('INSERT INTO escort_officers (escort_id, officer_id) VALUES (?, ?)').run(id, o);
  // The escort feature counts an escort when it is logged and takes it back if it is cancelled.
  if (status !== 'cancelled')
    db.prepare('INSERT INTO counters (key, value) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET value = value + 1').run(
      ESCORTS_TOTAL_COUNTER,
    );
  return id;
}

/** A 劝导 tap, filed under its shift as the advisory feature files it (post in Asia/Shanghai). */
export function insertAdvisory(db: Db, kind: AdvisoryKind, at: number, officerId = 1, undoneAt: number | null = null) {
  const { shift, shiftDate } = shiftAt(at, 'Asia/Shanghai');
  db.prepare(
    'INSERT INTO advisories (kind, officer_id, at, shift_date, shift, undone_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(kind, officerId, at, shiftDate, shift, undoneAt);
}
