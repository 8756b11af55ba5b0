import type { EscortView } from '../../../shared/contract/escorts';
import { escortSteps, type EscortStep } from '../../../shared/domain/escort-kinds';
import { timelineProblem, type StepTimes } from '../../../shared/domain/escort-timeline';
import { checkPlate, NO_PLATE } from '../../../shared/domain/plate';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { conflict, validation } from '../errors';
import { toView, type EscortRow } from './records';

/** A second open escort for the same plate within this window asks for confirmation. */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

/** Canonical plate and reason, or a specific refusal. */
export function plateOrThrow(plate: string, reason: string | null | undefined, prefix: string) {
  const check = checkPlate(plate, prefix);
  if (!check.ok) throw validation(check.message);
  if (check.plate === NO_PLATE && !reason) throw validation('无牌车辆请填写无牌原因');
  return { plate: check.plate, noPlateReason: check.plate === NO_PLATE ? reason! : null };
}

/** Every crew member must be a known, active officer; duplicates are folded. */
export function officersOrThrow(db: Db, ids: number[]): number[] {
  const unique = [...new Set(ids)];
  const known = stmt<{ id: number; active: number }>(
    db,
    'SELECT id, active FROM officers WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(unique));
  const unknown = unique.filter((id) => !known.some((k) => k.id === id));
  if (unknown.length) throw validation(`未知的民警（编号 ${unknown.join('、')}），请从名单中选择`);
  const inactive = known.filter((k) => k.active !== 1).map((k) => k.id);
  if (inactive.length) throw validation(`民警（编号 ${inactive.join('、')}）已停用，不能加入护送`);
  return unique;
}

export function timelineOrThrow(times: StepTimes, now: number) {
  const problem = timelineProblem(times, now);
  if (problem) throw validation(problem);
}

/** A full five-step record from partial input: omitted steps stay null. */
export const completeTimes = (times: StepTimes): Record<EscortStep, number | null> =>
  Object.fromEntries(escortSteps.map((s) => [s, times[s] ?? null])) as Record<EscortStep, number | null>;

/**
 * Refuses (CONFLICT, with the open escort) a second open escort for the same plate requested within
 * ten minutes, unless the officer confirmed it. '无牌' never matches: unplated cars are not the same car.
 */
export function duplicateOrThrow(db: Db, plate: string, requestedAt: number, confirmed: boolean, exceptId = 0) {
  if (confirmed || plate === NO_PLATE) return;
  const row = stmt<EscortRow>(
    db,
    `SELECT * FROM escorts WHERE plate = ? AND requested_at BETWEEN ? AND ? AND id != ?
        AND status NOT IN ('handedOver', 'cancelled') ORDER BY requested_at DESC LIMIT 1`,
  ).get(plate, requestedAt - DUPLICATE_WINDOW_MS, requestedAt + DUPLICATE_WINDOW_MS, exceptId);
  if (!row) return;
  const escort: EscortView = toView(db, row);
  const minutes = Math.max(1, Math.round(Math.abs(requestedAt - row.requested_at) / 60_000));
  throw conflict(`${plate} 在 ${minutes} 分钟内已有一条进行中的护送，确认是另一次护送吗？`, {
    reason: 'duplicatePlate',
    escort,
  });
}
