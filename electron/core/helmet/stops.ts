import type { NewStop } from '../../../shared/contract/helmet';
import { decideEligibility, monthsBefore } from '../../../shared/domain/eligibility';
import type { StopOutcome } from '../../../shared/domain/helmet';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { conflict, notFound, validation } from '../errors';
import { readSettings } from '../settings-store';
import { riderKeys, type RiderKeys } from './rider-keys';
import { stmt } from '../db/statements';
import { saveCityKeys, type CityVerdict } from './city-keys';

/** Who did it: the officer's row id (stored on the record) and the audit actor string. */
export interface Actor {
  officerId: number;
  label: string;
}

export interface StopRow {
  id: number;
  vehicle: 'ebike' | 'motorcycle';
  plate: string | null;
  place: string;
  rider_name: string | null;
  id_hash: string | null;
  id_last4: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  stopped_at: number;
  officer_id: number;
  prior_stops: number;
  window_months: number;
  eligible: number;
  override_reason: string | null;
  outcome: StopOutcome;
  fine_yuan: number;
  ticket_no: string | null;
  cancel_reason: string | null;
  closed_at: number | null;
  version: number;
}

export const outcomeWords: Record<StopOutcome, string> = {
  open: '待处理',
  offered: '已推送到教育屏',
  fined: '罚款',
  education: '教育进行中',
  completed: '教育完成·免予处罚',
  abandoned: '教育未完成',
  cancelled: '已撤销',
};

export function loadStop(db: Db, stopId: number): StopRow {
  const row = stmt(db, 'SELECT * FROM helmet_stops WHERE id = ?').get(stopId) as StopRow | undefined;
  if (!row) throw notFound(`查处记录 ${stopId} 不存在`);
  return row;
}

export const educationAllowed = (s: Pick<StopRow, 'eligible' | 'override_reason'>) =>
  s.eligible === 1 || s.override_reason !== null;

/**
 * Moves a stop on only from the outcomes given, bumping its version; anything else is a CONFLICT that
 * names where the stop actually is (another booth may have acted first).
 */
export function moveStop(
  db: Db,
  stopId: number,
  from: readonly StopOutcome[],
  set: Partial<Pick<StopRow, 'outcome' | 'ticket_no' | 'cancel_reason' | 'closed_at' | 'override_reason'>> & {
    override_by?: number;
    override_at?: number;
  },
  now: number,
): StopRow {
  const current = loadStop(db, stopId);
  if (!from.includes(current.outcome)) {
    throw conflict(`该查处当前为「${outcomeWords[current.outcome]}」，不能执行此操作`, { outcome: current.outcome });
  }
  const cols = Object.keys(set);
  stmt(db, 
    `UPDATE helmet_stops SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now, version = version + 1 WHERE id = @id`,
  ).run({ ...set, now, id: stopId });
  return loadStop(db, stopId);
}

/** Which earlier stops are "the same rider": by ID hash, else by phone hash, else by plate. */
function riderMatch(keys: RiderKeys, plate: string | undefined): { column: string; value: string } {
  if (keys.idHash) return { column: 'id_hash', value: keys.idHash };
  if (keys.phoneHash) return { column: 'phone_hash', value: keys.phoneHash };
  if (plate) return { column: 'plate', value: plate };
  throw validation('身份证号、手机号、号牌至少填写一项，才能核查是否初次违法');
}

export function countPriorStops(db: Db, keys: RiderKeys, plate: string | undefined, now: number, windowMonths: number, timeZone: string) {
  const { column, value } = riderMatch(keys, plate);
  const since = monthsBefore(now, windowMonths, timeZone);
  const times = (
    stmt(db, 
        `SELECT stopped_at FROM helmet_stops
         WHERE ${column} = ? AND stopped_at >= ? AND stopped_at <= ? AND outcome != 'cancelled'`,
      )
      .all(value, since, now) as { stopped_at: number }[]
  ).map((r) => r.stopped_at);
  return decideEligibility(times, now, windowMonths, timeZone);
}

/**
 * Saves a stop with its eligibility and fine decided now, by the settings now in force. `riderKey`
 * is the install's rider key (riderSecret), passed in because it is not in the database. `city` is
 * what the city said of the rider (asked before this, outside the transaction); absent when the
 * post is not enrolled and so alone.
 */
export function createStop(db: Db, input: NewStop, actor: Actor, now: number, riderKey: Buffer, city?: CityVerdict): StopRow {
  const settings = readSettings(db);
  const keys = riderKeys(riderKey, input.idNumber, input.phone);
  return db.transaction(() => {
    const local = countPriorStops(db, keys, input.plate, now, settings.helmetWindowMonths, settings.timeZone);
    // The city counts other posts' stops only, so the two add up without counting one twice.
    const priorStops = local.priorStops + (city?.priorStops ?? 0);
    const eligible = priorStops === 0;
    const fine = eligible ? settings.helmetFineFirstYuan : settings.helmetFineRepeatYuan;
    const id = Number(
      stmt(db, 
          `INSERT INTO helmet_stops (vehicle, plate, place, rider_name, id_hash, id_last4, phone_hash, phone_masked,
             stopped_at, officer_id, prior_stops, window_months, eligible, outcome, fine_yuan, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
        )
        .run(
          input.vehicle,
          input.plate ?? null,
          input.place ?? settings.postName,
          input.riderName ?? null,
          keys.idHash,
          keys.idLast4,
          keys.phoneHash,
          keys.phoneMasked,
          now,
          actor.officerId,
          priorStops,
          settings.helmetWindowMonths,
          eligible ? 1 : 0,
          fine,
          now,
        ).lastInsertRowid,
    );
    // Before the audit entry: the stop's first fact (appended by it) carries the city keys.
    if (city) saveCityKeys(db, id, city);
    const cityDetails = city ? { cityPriorStops: city.priorStops, cityChecked: city.checked } : {};
    appendAudit(
      db,
      {
        actor: actor.label,
        action: 'helmet.stop.create',
        entity: 'helmet_stop',
        entityId: id,
        details: { vehicle: input.vehicle, priorStops, eligible, fineYuan: fine, ...cityDetails },
      },
      now,
    );
    return loadStop(db, id);
  })();
}

/** An officer admits a repeat rider to education anyway; the reason is kept and audited. */
export function overrideEligibility(db: Db, stopId: number, reason: string, actor: Actor, now: number): StopRow {
  return db.transaction(() => {
    const stop = loadStop(db, stopId);
    if (stop.eligible === 1) throw conflict('该当事人为初次违法，本就可以选择教育，无需特批');
    if (stop.override_reason !== null) throw conflict('该查处已特批教育');
    const row = moveStop(db, stopId, ['open', 'abandoned'], { override_reason: reason, override_by: actor.officerId, override_at: now }, now);
    appendAudit(db, { actor: actor.label, action: 'helmet.stop.override', entity: 'helmet_stop', entityId: stopId, details: { reason, priorStops: stop.prior_stops } }, now);
    return row;
  })();
}

/**
 * Closes a stop as 罚款 with the enforcement system's ticket number (this app issues no fines): from an
 * open stop (a repeat rider), after the rider chose the fine on the kiosk, or after an abandoned attempt.
 */
export function recordFine(db: Db, stopId: number, ticketNo: string, actor: Actor, now: number): StopRow {
  return db.transaction(() => {
    if (loadStop(db, stopId).ticket_no !== null) throw conflict('该查处已录入处罚决定书编号');
    const row = moveStop(db, stopId, ['open', 'fined', 'abandoned'], { outcome: 'fined', ticket_no: ticketNo, closed_at: now }, now);
    appendAudit(db, { actor: actor.label, action: 'helmet.stop.fined', entity: 'helmet_stop', entityId: stopId, details: { ticketNo, fineYuan: row.fine_yuan } }, now);
    return row;
  })();
}

/**
 * 撤销罚款选择: the rider tapped 接受罚款 on the kiosk by mistake, or changed their mind while the
 * officer is still with them. Only before a ticket number is recorded, and only for a fine chosen on
 * the kiosk (an officer's own 罚款 always carries its ticket). The stop is open again, so 推送到教育屏
 * offers the choice anew; the reason is audited.
 */
export function undoFineChoice(db: Db, stopId: number, reason: string, actor: Actor, now: number): StopRow {
  return db.transaction(() => {
    const stop = loadStop(db, stopId);
    if (stop.outcome === 'fined' && stop.ticket_no !== null) throw conflict('已录入处罚决定书编号，不能撤销罚款选择');
    const chosen = stmt(db, "SELECT id FROM education_sessions WHERE stop_id = ? AND phase = 'fine' ORDER BY id DESC LIMIT 1").get(stopId) as
      | { id: number }
      | undefined;
    if (stop.outcome === 'fined' && !chosen) throw conflict('这笔罚款不是当事人在教育屏上选择的，不能撤销');
    const row = moveStop(db, stopId, ['fined'], { outcome: 'open', closed_at: null }, now);
    appendAudit(db, { actor: actor.label, action: 'helmet.stop.undoFine', entity: 'helmet_stop', entityId: stopId, details: { reason, sessionId: chosen?.id } }, now);
    return row;
  })();
}

/** A stop saved by mistake; it then counts for nobody's eligibility. */
export function cancelStop(db: Db, stopId: number, reason: string, actor: Actor, now: number): StopRow {
  return db.transaction(() => {
    const row = moveStop(db, stopId, ['open', 'abandoned'], { outcome: 'cancelled', cancel_reason: reason, closed_at: now }, now);
    appendAudit(db, { actor: actor.label, action: 'helmet.stop.cancel', entity: 'helmet_stop', entityId: stopId, details: { reason } }, now);
    return row;
  })();
}
