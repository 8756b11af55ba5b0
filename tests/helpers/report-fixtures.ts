import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations/index';
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
import type { HelmetVehicle, SessionPhase, StopOutcome } from '../../shared/domain/helmet';

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

export interface HelmetStopFixture {
  stoppedAt: number;
  vehicle?: HelmetVehicle;
  /** Where the stop ended up; default open. */
  outcome?: StopOutcome;
  /** First offence in the window; default true. */
  eligible?: boolean;
  priorStops?: number;
  /** The fine that applied when the stop was saved (counted only when fined); default 20, or 50 when not eligible. */
  fineYuan?: number;
  officerId?: number;
  /** An education session offered on a kiosk: where it ended, whether the rider chose education, the quiz tries. */
  session?: { phase: SessionPhase; chosen?: boolean; watchedSeconds?: number; quiz?: boolean[] };
}

/** A helmet stop as the helmet feature leaves it (migration 004's triggers keep the running totals). */
export function insertHelmetStop(db: Db, f: HelmetStopFixture): number {
  const eligible = f.eligible ?? true;
  const officerId = f.officerId ?? 1;
  const outcome = f.outcome ?? 'open';
  const id = Number(
    db
      .prepare(
        `INSERT INTO helmet_stops (vehicle, plate, place, stopped_at, officer_id, prior_stops, window_months, eligible,
           outcome, fine_yuan, ticket_no, updated_at)
         VALUES (?, '鲁PB12345', '门诊楼东门', ?, ?, ?, 12, ?, ?, ?, ?, ?)`,
      )
      .run(
        f.vehicle ?? 'ebike',
        f.stoppedAt,
        officerId,
        f.priorStops ?? (eligible ? 0 : 1),
        eligible ? 1 : 0,
        outcome,
        f.fineYuan ?? (eligible ? 20 : 50),
        outcome === 'fined' ? `CF${f.stoppedAt}` : null,
        f.stoppedAt,
      ).lastInsertRowid,
  );
  if (!f.session) return id;
  db.prepare('INSERT OR IGNORE INTO kiosks (id, name, token_hash, paired_at) VALUES (1, ?, ?, 0)').run('教育屏', 'x');
  db.prepare(
    "INSERT OR IGNORE INTO videos (id, title, file, duration_seconds, audience, added_at) VALUES ('v1', '头盔', 'v1.mp4', 600, 'any', 0)",
  ).run();
  const { phase, chosen = false, watchedSeconds = 0, quiz = [] } = f.session;
  const sessionId = Number(
    db
      .prepare(
        `INSERT INTO education_sessions (stop_id, kiosk_id, video_id, duration_seconds, phase, offered_at, offered_by,
           chosen_at, watched_seconds, quiz_attempts, updated_at)
         VALUES (?, 1, 'v1', 600, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        phase,
        f.stoppedAt + MIN,
        officerId,
        chosen || phase === 'fine' ? f.stoppedAt + 2 * MIN : null,
        watchedSeconds,
        quiz.length,
        f.stoppedAt,
      ).lastInsertRowid,
  );
  quiz.forEach((passed, i) =>
    db
      .prepare(
        `INSERT INTO quiz_attempts (session_id, attempt, question_ids, answers, correct, total, passed, at)
         VALUES (?, ?, '[]', '[]', ?, 5, ?, ?)`,
      )
      .run(sessionId, i + 1, passed ? 5 : 2, passed ? 1 : 0, f.stoppedAt + (20 + i) * MIN),
  );
  return id;
}

/**
 * An in-memory database migrated up to `upTo` migrations, with what helmet rows refer to: officer 1,
 * kiosk 1 and video 'v1'. For tests that write helmet stops, sessions and quiz attempts in SQL.
 */
export function helmetRowsDatabase(upTo = migrations.length): Database.Database {
  const db = new Database(':memory:');
  migrate(db, migrations.slice(0, upTo));
  db.prepare(
    "INSERT INTO officers (badge, name, role, pin_hash, created_at) VALUES ('900003', '张伟', 'officer', 'x', 0)",
  ).run();
  db.prepare("INSERT INTO kiosks (id, name, token_hash, paired_at) VALUES (1, '教育屏', 'x', 0)").run();
  db.prepare(
    "INSERT INTO videos (id, title, file, duration_seconds, audience, added_at) VALUES ('v1', '头盔', 'v1.webm', 600, 'any', 0)",
  ).run();
  return db;
}
