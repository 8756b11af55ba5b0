import type { RetentionRun, RetentionStatus } from '../../../shared/contract/data-care';
import { monthsBefore } from '../../../shared/domain/eligibility';
import { appendAudit } from '../audit/chain';
import type { Core } from '../context';
import type { Db } from '../db/open';
import { readSettings } from '../settings-store';
import { readCareRecord, updateCareRecord } from './care-record';

/** Where personal data lives and which column dates it. Names are checked, never taken from input. */
export interface PersonalDataTarget {
  table: string;
  /** Epoch-ms column the record's age is measured from. */
  timeColumn: string;
  /** Set to NULL once the record is older than the retention period. */
  personalColumns: readonly string[];
  /** Epoch-ms column stamped when a record's personal fields are wiped. */
  wipedAtColumn: string;
}

/**
 * The helmet stops' personal fields (PIPL: kept only as long as needed for the repeat-offence
 * check): name, keyed ID hash, its last 4 digits, phone hash and masked phone, dated by `stopped_at`.
 * `personal_wiped_at` records the wipe (and satisfies the table's "some way to find the rider" check).
 */
export const helmetStopPersonalData: PersonalDataTarget = {
  table: 'helmet_stops',
  timeColumn: 'stopped_at',
  personalColumns: ['rider_name', 'id_hash', 'id_last4', 'phone_hash', 'phone_masked'],
  wipedAtColumn: 'personal_wiped_at',
};

const identifier = /^[a-z_][a-z0-9_]*$/;

/**
 * The instant `years` calendar years before `now` on the post's wall clock (29 Feb falls to 28 Feb, as
 * the eligibility window does): records older than this lose their personal fields.
 */
export const retentionCutoff = (now: number, years: number, timeZone: string): number => monthsBefore(now, years * 12, timeZone);

const tableExists = (db: Db, table: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;

/** Fails loudly if the table lacks a column we would wipe: a silent miss would keep personal data for ever. */
function checkedTarget(db: Db, target: PersonalDataTarget): { where: string; set: string } {
  const names = [target.timeColumn, target.wipedAtColumn, ...target.personalColumns];
  for (const n of [target.table, ...names]) if (!identifier.test(n)) throw new Error(`retention: bad identifier ${n}`);
  const columns = new Set(
    (db.prepare(`PRAGMA table_info(${target.table})`).all() as { name: string }[]).map((c) => c.name),
  );
  const missing = names.filter((n) => !columns.has(n));
  if (missing.length) throw new Error(`数据保留设置与数据表不符：${target.table} 缺少列 ${missing.join(', ')}`);
  return {
    where: `${target.timeColumn} < @cutoff AND (${target.personalColumns.map((c) => `${c} IS NOT NULL`).join(' OR ')})`,
    set: [...target.personalColumns.map((c) => `${c} = NULL`), `${target.wipedAtColumn} = @now`].join(', '),
  };
}

/** Records older than the cutoff still holding personal data; null when the table does not exist (yet). */
export function countPendingWipe(db: Db, target: PersonalDataTarget, cutoff: number): number | null {
  if (!tableExists(db, target.table)) return null;
  const { where } = checkedTarget(db, target);
  return db.prepare(`SELECT COUNT(*) FROM ${target.table} WHERE ${where}`).pluck().get({ cutoff }) as number;
}

export interface WipeRequest {
  years: number;
  now: number;
  actor: string;
  trigger: RetentionRun['trigger'];
}

/**
 * Wipes the personal fields of every record older than the retention period, in one transaction
 * with its audit row. Rows are never deleted, so every count and tally stays as it was. A daily run
 * that finds nothing writes nothing; a run an admin asked for is always audited.
 */
export function wipeExpiredPersonalData(db: Db, target: PersonalDataTarget, request: WipeRequest): RetentionRun {
  const cutoff = retentionCutoff(request.now, request.years, readSettings(db).timeZone);
  return db.transaction((): RetentionRun => {
    let wiped = 0;
    if (tableExists(db, target.table)) {
      const { where, set } = checkedTarget(db, target);
      wiped = db.prepare(`UPDATE ${target.table} SET ${set} WHERE ${where}`).run({ cutoff, now: request.now }).changes;
    }
    const run: RetentionRun = { at: request.now, cutoff, years: request.years, wiped, trigger: request.trigger };
    if (wiped === 0 && request.trigger === 'daily') return run;
    updateCareRecord(db, { lastRetention: run });
    appendAudit(
      db,
      {
        actor: request.actor,
        action: 'retention.wipe',
        entity: target.table,
        entityId: new Date(cutoff).toISOString(),
        details: { ...run, columns: target.personalColumns },
      },
      request.now,
    );
    return run;
  })();
}

export function runRetention(core: Core, trigger: RetentionRun['trigger'], actor: string): RetentionRun {
  const { helmetRetentionYears: years } = readSettings(core.db);
  return wipeExpiredPersonalData(core.db, helmetStopPersonalData, { years, now: core.clock(), actor, trigger });
}

export function retentionStatus(core: Core): RetentionStatus {
  const { helmetRetentionYears: years, timeZone } = readSettings(core.db);
  const cutoff = retentionCutoff(core.clock(), years, timeZone);
  const last = readCareRecord(core.db).lastRetention;
  return {
    years,
    cutoff,
    pending: countPendingWipe(core.db, helmetStopPersonalData, cutoff),
    ...(last ? { last } : {}),
  };
}
