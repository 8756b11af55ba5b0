import type { AdvanceStep } from '../../../shared/contract/escorts';
import { stepLabels } from '../../../shared/domain/escort-kinds';
import {
  isOpen,
  nextStep,
  nextStepAllowedAt,
  previousStep,
  STEP_MIN_GAP_MS,
  undoStepUntil,
} from '../../../shared/domain/escort-timeline';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { stmt, transactional } from '../db/statements';
import { conflict, notFound } from '../errors';
import type { EscortActor } from './actor';
import { bumpCounter, TOTAL_KEY } from './counters';
import { recordStep } from './create';
import { findEscortRow, stepColumn, toView, type EscortRow } from './records';

/**
 * Loads the escort a step names and checks the caller saw its current state. A closed escort and a
 * stale version are both CONFLICT, carrying the current escort so the screen can show what happened.
 */
function currentOrThrow(db: Db, id: number, version: number): EscortRow {
  const row = findEscortRow(db, id);
  if (!row) throw notFound(`护送记录 ${id} 不存在`);
  if (!isOpen(row.status)) {
    const how = row.status === 'cancelled' ? '已取消' : '已交接';
    throw conflict(`${row.plate} 的护送${how}，不能再记录步骤`, { reason: 'closed', escort: toView(db, row) });
  }
  if (row.version !== version) {
    throw conflict(`${row.plate} 的护送已被他人更新（当前：${stepLabels[row.status].zh}），请看最新状态`, {
      reason: 'stale',
      escort: toView(db, row),
    });
  }
  return row;
}

/** One tap on the board: stamps the next step with the server's clock. */
export const advanceEscort = transactional(
  (db: Db, req: { id: number; version: number; step: AdvanceStep }, by: EscortActor, now: number): EscortRow => {
    const row = currentOrThrow(db, req.id, req.version);
    const expected = nextStep(row.status);
    if (req.step !== expected) {
      throw conflict(
        `${row.plate} 的下一步是「${expected ? stepLabels[expected].zh : '无'}」，不能直接「${stepLabels[req.step].zh}」`,
        { reason: 'stale', escort: toView(db, row) },
      );
    }
    // A step never lands before the one it follows, even if the clock was set back in between.
    const previousAt = row[stepColumn[row.status as keyof typeof stepColumn]] ?? row.requested_at;
    const allowedAt = nextStepAllowedAt(row.status, previousAt);
    if (now < allowedAt) {
      const seconds = Math.ceil((allowedAt - now) / 1000);
      throw conflict(
        `「${stepLabels[row.status].zh}」刚刚记录，${STEP_MIN_GAP_MS / 1000} 秒内不能再记下一步（防止连按），请 ${seconds} 秒后再按「${stepLabels[expected!].zh}」`,
        { reason: 'tooSoon', escort: toView(db, row) },
      );
    }
    const at = Math.max(now, previousAt);
    stmt(
      db,
      `UPDATE escorts SET ${stepColumn[req.step]} = ?, status = ?, version = version + 1, updated_at = ?
        WHERE id = ? AND version = ?`,
    ).run(at, req.step, now, row.id, row.version);
    recordStep(db, row.id, req.step, at, by.officerId, now);
    appendAudit(
      db,
      { actor: by.actor, action: 'escort.step', entity: 'escort', entityId: row.id, details: { step: req.step, at } },
      now,
    );
    // The new state is known: no need to read the row back on the hot path.
    return {
      ...row,
      [stepColumn[req.step]]: at,
      status: req.step,
      version: row.version + 1,
      updated_at: now,
    };
  },
);

/** 取消 with a reason, at any open step. The escort leaves the since-opening total. */
export const cancelEscort = transactional(
  (db: Db, req: { id: number; version: number; reason: string }, by: EscortActor, now: number): EscortRow => {
    const row = currentOrThrow(db, req.id, req.version);
    stmt(
      db,
      `UPDATE escorts SET status = 'cancelled', cancelled_at = ?, cancel_reason = ?, version = version + 1,
         updated_at = ? WHERE id = ? AND version = ?`,
    ).run(now, req.reason, now, row.id, row.version);
    recordStep(db, row.id, 'cancelled', now, by.officerId, now);
    bumpCounter(db, TOTAL_KEY, -1);
    appendAudit(
      db,
      {
        actor: by.actor,
        action: 'escort.cancel',
        entity: 'escort',
        entityId: row.id,
        details: { reason: req.reason, from: row.status },
      },
      now,
    );
    return {
      ...row,
      status: 'cancelled',
      cancelled_at: now,
      cancel_reason: req.reason,
      version: row.version + 1,
      updated_at: now,
    };
  },
);

/**
 * 撤销上一步: takes back the latest step within a short window of it (a mistaken press; later
 * corrections go through 修改 with a reason). A 交接 taken back reopens the escort on the board.
 * The step's time is cleared and its timeline entry removed; the audit entry keeps what was undone.
 */
export const undoLastStep = transactional(
  (db: Db, req: { id: number; version: number }, by: EscortActor, now: number): EscortRow => {
    const row = findEscortRow(db, req.id);
    if (!row) throw notFound(`护送记录 ${req.id} 不存在`);
    if (row.version !== req.version)
      throw conflict(`${row.plate} 的护送已被他人更新（当前：${stepLabels[row.status].zh}），请看最新状态`, {
        reason: 'stale',
        escort: toView(db, row),
      });
    const back = previousStep(row.status);
    const step = row.status as Exclude<typeof row.status, 'cancelled' | 'requested'>;
    const at = back ? row[stepColumn[step]] : null;
    const until = undoStepUntil(row.status, at);
    if (!back || until === undefined)
      throw conflict(
        row.status === 'cancelled' ? `${row.plate} 的护送已取消，没有可撤销的步骤` : `${row.plate} 还没有可撤销的步骤`,
        { reason: 'noUndo', escort: toView(db, row) },
      );
    if (now > until)
      throw conflict(
        `「${stepLabels[step].zh}」已记录超过 ${Math.round((until - at!) / 60_000)} 分钟，不能撤销；如需更正请用「修改」并写明原因`,
        { reason: 'noUndo', escort: toView(db, row) },
      );
    stmt(
      db,
      `UPDATE escorts SET ${stepColumn[step]} = NULL, status = ?, version = version + 1, updated_at = ?
        WHERE id = ? AND version = ?`,
    ).run(back, now, row.id, row.version);
    stmt(db, 'DELETE FROM escort_steps WHERE escort_id = ? AND step = ?').run(row.id, step);
    appendAudit(
      db,
      {
        actor: by.actor,
        action: 'escort.undoStep',
        entity: 'escort',
        entityId: row.id,
        details: { step, at, back },
      },
      now,
    );
    return { ...row, [stepColumn[step]]: null, status: back, version: row.version + 1, updated_at: now };
  },
);
