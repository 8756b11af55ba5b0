import { factSchemas, type Fact, type FactKind, type ShippedEvent } from '../../../shared/contract/city-events';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { eventHash, GENESIS } from './event-chain';

/**
 * The outbox: every audited write of a record the city keeps (an escort, a helmet stop — its
 * education sessions, quizzes and pledge are facts about the stop — a 劝导 tap, an officer) appends the
 * record's state just after the write, in the same transaction, so the record and its event commit
 * together or not at all. The audit chain calls `appendOutboxFor` for every entry: a feature that
 * audits its writes ships them without knowing the city exists.
 */

type Snapshot = (db: Db, id: number) => Fact | undefined;

const bool = (n: number | null) => n === 1;

const escort: Snapshot = (db, id) => {
  const r = stmt<Record<string, number | string | null>>(
    db,
    `SELECT id, status, source, vehicle, condition, destination, requested_at, met_at, departed_at, arrived_at,
            handed_over_at, cancelled_at, backdated FROM escorts WHERE id = ?`,
  ).get(id);
  if (!r) return undefined;
  return {
    id: r.id as number,
    status: r.status as Fact<'escort'>['status'],
    source: r.source as string | null,
    vehicle: r.vehicle as string | null,
    condition: r.condition as string | null,
    destination: r.destination as string | null,
    requestedAt: r.requested_at as number,
    metAt: r.met_at as number | null,
    departedAt: r.departed_at as number | null,
    arrivedAt: r.arrived_at as number | null,
    handedOverAt: r.handed_over_at as number | null,
    cancelledAt: r.cancelled_at as number | null,
    backdated: bool(r.backdated as number),
  };
};

/** A stop's fact: its figures, and its city keys (hashes only) once the post has a city key. */
export const helmetStopSnapshot = (db: Db, id: number): Fact<'helmetStop'> | undefined => {
  const r = stmt<Record<string, number | string | null>>(
    db,
    `SELECT s.id, s.vehicle, s.stopped_at, s.outcome, s.eligible, s.prior_stops, s.fine_yuan, s.closed_at, s.offered, s.chose_education,
            s.watched_seconds, s.watched_sessions, s.quiz_first_tries, s.quiz_first_passes, s.window_months,
            k.stop_id AS keyed, k.id_key, k.phone_key, k.plate_key
     FROM helmet_stops s LEFT JOIN helmet_city_keys k ON k.stop_id = s.id WHERE s.id = ?`,
  ).get(id);
  if (!r) return undefined;
  // ID, else phone, else plate first: the key the posts match a rider on. Once retention has wiped a
  // stop's ID and phone keys, its next fact (if it ever changes again) carries only the plate's; the
  // wipe itself appends no fact, so the city keeps what it was sent until then.
  const riderKeys = r.keyed === null ? undefined : [r.id_key, r.phone_key, r.plate_key].filter((k): k is string => typeof k === 'string');
  return {
    id: r.id as number,
    vehicle: r.vehicle as Fact<'helmetStop'>['vehicle'],
    stoppedAt: r.stopped_at as number,
    outcome: r.outcome as Fact<'helmetStop'>['outcome'],
    eligible: bool(r.eligible as number),
    priorStops: r.prior_stops as number,
    fineYuan: r.fine_yuan as number,
    closedAt: r.closed_at as number | null,
    offered: r.offered as number,
    choseEducation: r.chose_education as number,
    watchedSeconds: r.watched_seconds as number,
    watchedSessions: r.watched_sessions as number,
    quizFirstTries: r.quiz_first_tries as number,
    quizFirstPasses: r.quiz_first_passes as number,
    windowMonths: r.window_months as number,
    ...(riderKeys && { riderKeys }),
  };
};
const helmetStop: Snapshot = helmetStopSnapshot;

const advisory: Snapshot = (db, id) => {
  const r = stmt<{ id: number; kind: Fact<'advisory'>['kind']; at: number; undone_at: number | null }>(
    db,
    'SELECT id, kind, at, undone_at FROM advisories WHERE id = ?',
  ).get(id);
  return r && { id: r.id, kind: r.kind, at: r.at, undoneAt: r.undone_at };
};

const officer: Snapshot = (db, id) => {
  const r = stmt<{ id: number; badge: string; role: Fact<'officer'>['role']; active: number }>(
    db,
    'SELECT id, badge, role, active FROM officers WHERE id = ?',
  ).get(id);
  return r && { id: r.id, badge: r.badge, role: r.role, active: bool(r.active) };
};

/** Audit entity → the fact kind it changes and how to read the record's id from the entry. */
const shippedEntities: Record<
  string,
  {
    kind: FactKind;
    snapshot: Snapshot;
    recordId?: (db: Db, entityId: number) => number | undefined;
    /** Only these actions change the fact (a login or a PIN change does not change an officer's). */
    actions?: ReadonlySet<string>;
  }
> = {
  escort: { kind: 'escort', snapshot: escort },
  helmet_stop: { kind: 'helmetStop', snapshot: helmetStop },
  // A session's offer, choice, video, quiz and pledge change its stop's figures (migration 006's triggers).
  education_session: {
    kind: 'helmetStop',
    snapshot: helmetStop,
    recordId: (db, sessionId) => stmt<{ stop_id: number }>(db, 'SELECT stop_id FROM education_sessions WHERE id = ?').get(sessionId)?.stop_id,
  },
  advisory: { kind: 'advisory', snapshot: advisory },
  officer: {
    kind: 'officer',
    snapshot: officer,
    actions: new Set(['officer.create', 'officer.role', 'officer.deactivate', 'officer.reactivate']),
  },
};

export interface OutboxHead {
  seq: number;
  hash: string;
}

export const outboxHead = (db: Db): OutboxHead =>
  stmt<OutboxHead>(db, 'SELECT seq, hash FROM outbox ORDER BY seq DESC LIMIT 1').get() ?? { seq: 0, hash: GENESIS };

/** Appends the fact of one record. Call inside the write's transaction. */
export function appendFact(db: Db, kind: FactKind, fact: Fact, at: number): OutboxHead {
  // The schema the city parses with: a fact that would be refused there is a bug here, caught at the write.
  const payload = JSON.stringify(factSchemas[kind].parse(fact));
  const head = outboxHead(db);
  const event = { seq: head.seq + 1, at, kind, entityId: fact.id, payload };
  const hash = eventHash(head.hash, event);
  stmt(
    db,
    'INSERT INTO outbox (seq, at, kind, entity_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(event.seq, at, kind, fact.id, payload, head.hash, hash);
  return { seq: event.seq, hash };
}

/** Called by appendAudit for every entry; appends a fact when the entry is about a record the city keeps. */
export function appendOutboxFor(db: Db, entry: { action: string; entity: string; entityId: string | number }, at: number): void {
  const shipped = shippedEntities[entry.entity];
  if (!shipped || (shipped.actions && !shipped.actions.has(entry.action))) return;
  const { entityId } = entry;
  const raw = Number(entityId);
  if (!Number.isInteger(raw) || raw <= 0) return;
  const id = shipped.recordId ? shipped.recordId(db, raw) : raw;
  const fact = id === undefined ? undefined : shipped.snapshot(db, id);
  if (fact) appendFact(db, shipped.kind, fact, at);
}

/** Events after `afterSeq`, oldest first, as they go on the wire. */
export function outboxAfter(db: Db, afterSeq: number, limit: number): ShippedEvent[] {
  return stmt<{ seq: number; at: number; kind: FactKind; entity_id: number; payload: string; prev_hash: string; hash: string }>(
    db,
    'SELECT seq, at, kind, entity_id, payload, prev_hash, hash FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?',
  )
    .all(afterSeq, limit)
    .map((r) => ({ seq: r.seq, at: r.at, kind: r.kind, entityId: r.entity_id, payload: r.payload, prevHash: r.prev_hash, hash: r.hash }));
}
