import type { CreateEscortInput } from '../../../shared/contract/escorts';
import { escortSteps } from '../../../shared/domain/escort-kinds';
import { statusOf, type StepTimes } from '../../../shared/domain/escort-timeline';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { stmt, transactional } from '../db/statements';
import type { EscortActor } from './actor';
import { bumpCounter, TOTAL_KEY } from './counters';
import { postSettings } from './post-settings';
import { findEscortRow, type EscortRow } from './records';
import { completeTimes, duplicateOrThrow, officersOrThrow, plateOrThrow, timelineOrThrow } from './validate';

/**
 * Opens an escort. Only the plate is needed; the server stamps 接报 now unless the officer is logging
 * after the fact (`times` given), which is allowed, flagged `backdated` and audited. The row, its crew,
 * its steps, the running total and the audit entry commit together or not at all.
 */
export const createEscort = transactional(
  (db: Db, input: CreateEscortInput, by: EscortActor, now: number): EscortRow => {
    const settings = postSettings(db);
    const { plate, noPlateReason } = plateOrThrow(input.plate, input.noPlateReason, settings.defaultPlatePrefix);
    const given: StepTimes = input.times ?? {};
    const backdated = escortSteps.some((s) => given[s] != null);
    const times = completeTimes({ ...given, requested: given.requested ?? now });
    timelineOrThrow(times, now);
    const status = statusOf(times);
    const crew = officersOrThrow(db, input.officerIds ?? [by.officerId]);
    duplicateOrThrow(db, plate, times.requested!, input.confirmDuplicate === true);
    const id = Number(
      stmt(
        db,
        `INSERT INTO escorts (plate, no_plate_reason, source, vehicle, condition, meet_point, destination,
         hospital_notified, relay_from, notes, status, requested_at, met_at, departed_at, arrived_at,
         handed_over_at, backdated, created_by, created_at, updated_at)
       VALUES (@plate, @noPlateReason, @source, @vehicle, @condition, @meetPoint, @destination,
         @hospitalNotified, @relayFrom, @notes, @status, @requested, @met, @departed, @arrived,
         @handedOver, @backdated, @createdBy, @now, @now)`,
      ).run({
        plate,
        noPlateReason,
        source: input.source ?? null,
        vehicle: input.vehicle ?? null,
        condition: input.condition ?? null,
        meetPoint: input.meetPoint ?? null,
        destination: input.destination ?? null,
        hospitalNotified: input.hospitalNotified ? 1 : 0,
        relayFrom: input.relayFrom ?? null,
        notes: input.notes ?? null,
        status,
        ...times,
        backdated: backdated ? 1 : 0,
        createdBy: by.officerId,
        now,
      }).lastInsertRowid,
    );
    const addCrew = stmt(db, 'INSERT INTO escort_officers (escort_id, officer_id) VALUES (?, ?)');
    for (const officerId of crew) addCrew.run(id, officerId);
    for (const step of escortSteps) {
      const at = times[step];
      if (at != null) recordStep(db, id, step, at, by.officerId, now);
    }
    bumpCounter(db, TOTAL_KEY, 1);
    appendAudit(
      db,
      {
        actor: by.actor,
        action: backdated ? 'escort.create.backdated' : 'escort.create',
        entity: 'escort',
        entityId: id,
        details: { plate, status, times: backdated ? times : { requested: times.requested }, crew },
      },
      now,
    );
    return findEscortRow(db, id)!;
  },
);

export const recordStep = (db: Db, escortId: number, step: string, at: number, officerId: number, now: number) =>
  stmt(db, 'INSERT INTO escort_steps (escort_id, step, at, officer_id, recorded_at) VALUES (?, ?, ?, ?, ?)').run(
    escortId,
    step,
    at,
    officerId,
    now,
  );
