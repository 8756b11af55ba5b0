import type { AdvisoryTally } from '../../../shared/contract/advisories';
import { advisoryKinds, type AdvisoryKind } from '../../../shared/domain/escort-kinds';
import { shiftAt, type ShiftSpan } from '../../../shared/domain/shift';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { stmt, transactional } from '../db/statements';
import type { EscortActor } from '../escorts/actor';
import { notFound } from '../errors';
import { postSettings } from '../escorts/post-settings';

/** The shift `now` falls in, by the post's zone and shift hours. */
export function currentShift(db: Db, now: number): ShiftSpan {
  const s = postSettings(db);
  return shiftAt(now, s.timeZone, s.dayShiftStartHour, s.nightShiftStartHour);
}

/** One officer's counts in one shift; undone taps do not count. */
export function readTally(db: Db, officerId: number, shift: ShiftSpan): AdvisoryTally {
  const counts = Object.fromEntries(Object.keys(advisoryKinds).map((k) => [k, 0])) as Record<AdvisoryKind, number>;
  const rows = stmt<{ kind: AdvisoryKind; n: number }>(
    db,
    `SELECT kind, COUNT(*) AS n FROM advisories
      WHERE officer_id = ? AND shift_date = ? AND shift = ? AND undone_at IS NULL GROUP BY kind`,
  ).all(officerId, shift.shiftDate, shift.shift);
  for (const r of rows) counts[r.kind] = r.n;
  return { officerId, shift: shift.shift, shiftDate: shift.shiftDate, counts };
}

/** One tap of a 劝导 counter, stamped by the server and filed under the current shift. */
export const tapAdvisory = transactional((db: Db, kind: AdvisoryKind, by: EscortActor, now: number): AdvisoryTally => {
  const shift = currentShift(db, now);
  {
    const id = stmt(db, 'INSERT INTO advisories (kind, officer_id, at, shift_date, shift) VALUES (?, ?, ?, ?, ?)').run(
      kind,
      by.officerId,
      now,
      shift.shiftDate,
      shift.shift,
    ).lastInsertRowid;
    appendAudit(
      db,
      { actor: by.actor, action: 'advisory.tap', entity: 'advisory', entityId: Number(id), details: { kind } },
      now,
    );
    return readTally(db, by.officerId, shift);
  }
});

/** Takes back the officer's own latest tap of `kind` in this shift (a mis-tap), kept as undone, not deleted. */
export const undoAdvisory = transactional((db: Db, kind: AdvisoryKind, by: EscortActor, now: number): AdvisoryTally => {
  const shift = currentShift(db, now);
  {
    const last = stmt<{ id: number }>(
      db,
      `SELECT id FROM advisories WHERE officer_id = ? AND shift_date = ? AND shift = ? AND kind = ? AND undone_at IS NULL
        ORDER BY at DESC, id DESC LIMIT 1`,
    ).get(by.officerId, shift.shiftDate, shift.shift, kind);
    if (!last) throw notFound(`本班次没有可撤销的「${advisoryKinds[kind].zh}」记录`);
    stmt(db, 'UPDATE advisories SET undone_at = ? WHERE id = ?').run(now, last.id);
    appendAudit(
      db,
      { actor: by.actor, action: 'advisory.undo', entity: 'advisory', entityId: last.id, details: { kind } },
      now,
    );
    return readTally(db, by.officerId, shift);
  }
});
