import type { EditEscortInput } from '../../../shared/contract/escorts';
import { escortSteps, type EscortStep } from '../../../shared/domain/escort-kinds';
import { isOpen, statusOf } from '../../../shared/domain/escort-timeline';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { stmt, transactional } from '../db/statements';
import { conflict, notFound, validation } from '../errors';
import type { EscortActor } from './actor';
import { recordStep } from './create';
import { postSettings } from './post-settings';
import { findEscortRow, stepColumn, toView, type EscortRow } from './records';
import { completeTimes, officersOrThrow, plateOrThrow, timelineOrThrow } from './validate';

const fieldColumns = {
  source: 'source',
  vehicle: 'vehicle',
  condition: 'condition',
  meetPoint: 'meet_point',
  destination: 'destination',
  relayFrom: 'relay_from',
  notes: 'notes',
} as const;

type Change = [before: unknown, after: unknown];

/**
 * Filling in what was left blank on a running escort (病情, 送往, 车辆 … typed in while driving) needs
 * no reason: nothing recorded is changed. Changing a value, a time or the crew, or any change once
 * the escort is closed, is a correction and needs one.
 */
function fillsInOnly(status: EscortRow['status'], changes: Record<string, Change>, crewChange: Change | undefined) {
  if (!isOpen(status) || crewChange) return false;
  return Object.entries(changes).every(
    ([key, [before]]) => !key.startsWith('times.') && key !== 'status' && (before === null || (key === 'hospitalNotified' && before === 0)),
  );
}

/**
 * Completes or corrects an escort. A reason is required except to fill in a running escort's blanks
 * (see fillsInOnly); the audit entry records every field's
 * before and after. Times are re-checked as a whole timeline, and the status follows the latest step
 * (a cancelled escort stays cancelled).
 */
export const editEscort = transactional((db: Db, req: EditEscortInput, by: EscortActor, now: number): EscortRow => {
  const settings = postSettings(db);
  {
    const row = findEscortRow(db, req.id);
    if (!row) throw notFound(`护送记录 ${req.id} 不存在`);
    if (row.version !== req.version)
      throw conflict(`${row.plate} 的护送已被他人修改，请看最新内容后再改`, {
        reason: 'stale',
        escort: toView(db, row),
      });
    const before = toView(db, row);
    const c = req.changes;
    const changes: Record<string, Change> = {};
    const sets: Record<string, unknown> = {};
    const set = (key: string, column: string, from: unknown, to: unknown) => {
      if (to === undefined || from === to) return;
      changes[key] = [from, to];
      sets[column] = to;
    };

    if (c.plate !== undefined || c.noPlateReason !== undefined) {
      const plate = plateOrThrow(
        c.plate ?? row.plate,
        c.noPlateReason ?? row.no_plate_reason,
        settings.defaultPlatePrefix,
      );
      set('plate', 'plate', row.plate, plate.plate);
      set('noPlateReason', 'no_plate_reason', row.no_plate_reason, plate.noPlateReason);
    }
    for (const [key, column] of Object.entries(fieldColumns)) {
      set(key, column, row[column], c[key as keyof typeof fieldColumns]);
    }
    if (c.hospitalNotified !== undefined)
      set('hospitalNotified', 'hospital_notified', row.hospital_notified, c.hospitalNotified ? 1 : 0);

    // Only the steps the request names move; an absent key keeps its time.
    const times = completeTimes(before.times);
    for (const s of escortSteps) if (c.times?.[s] !== undefined) times[s] = c.times[s];
    timelineOrThrow(times, now);
    const movedSteps = escortSteps.filter((s) => times[s] !== before.times[s]);
    for (const s of movedSteps) set(`times.${s}`, stepColumn[s], before.times[s], times[s]);
    if (movedSteps.length && row.status !== 'cancelled') set('status', 'status', row.status, statusOf(times));

    let crewChange: Change | undefined;
    if (c.officerIds) {
      const crew = officersOrThrow(db, c.officerIds).sort((a, b) => a - b);
      const was = before.officers.map((o) => o.id).sort((a, b) => a - b);
      if (crew.join() !== was.join()) crewChange = [was, crew];
    }
    if (Object.keys(changes).length === 0 && !crewChange) throw validation('没有要保存的修改');
    if (!req.reason && !fillsInOnly(row.status, changes, crewChange))
      throw validation('请填写修改原因（至少 2 个字）：改动已有内容、时间或民警须说明原因');

    const assignments = Object.keys(sets).map((col) => `${col} = @${col}`);
    db.prepare(
      `UPDATE escorts SET ${[...assignments, 'version = version + 1', 'updated_at = @now'].join(', ')} WHERE id = @id`,
    ).run({ ...sets, now, id: row.id });
    for (const s of movedSteps) moveStep(db, row.id, s, times[s], by.officerId, now);
    if (crewChange) {
      stmt(db, 'DELETE FROM escort_officers WHERE escort_id = ?').run(row.id);
      const add = stmt(db, 'INSERT INTO escort_officers (escort_id, officer_id) VALUES (?, ?)');
      for (const officerId of crewChange[1] as number[]) add.run(row.id, officerId);
      changes.officers = crewChange;
    }
    appendAudit(
      db,
      {
        actor: by.actor,
        action: 'escort.edit',
        entity: 'escort',
        entityId: row.id,
        details: { reason: req.reason ?? null, changes },
      },
      now,
    );
    return findEscortRow(db, row.id)!;
  }
});

/** Keeps the step log in line with a corrected time: who pressed a step stays; a new step is the editor's. */
function moveStep(db: Db, escortId: number, step: EscortStep, at: number | null, officerId: number, now: number) {
  if (at === null) {
    stmt(db, 'DELETE FROM escort_steps WHERE escort_id = ? AND step = ?').run(escortId, step);
    return;
  }
  const moved = stmt(db, 'UPDATE escort_steps SET at = ?, recorded_at = ? WHERE escort_id = ? AND step = ?').run(
    at,
    now,
    escortId,
    step,
  );
  if (moved.changes === 0) recordStep(db, escortId, step, at, officerId, now);
}
