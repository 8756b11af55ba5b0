import type { KioskInfo } from '../../../shared/contract/kiosk';
import type { HandoverRecord, SignHandoverInput } from '../../../shared/contract/handover';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { conflict, DomainError, validation } from '../errors';
import type { EscortActor } from '../escorts/actor';
import type { EscortRow } from '../escorts/records';
import { checkOfficerPin } from '../identity/login';
import { findOfficerByBadge, findOfficerById, type OfficerRow } from '../identity/officers';
import { readHandoverContents, readOpenEscortRows } from './contents';
import { readHandover } from './records';

/**
 * Refuses a handover that leaves an open escort to nobody, or names one that is no longer open (the
 * screen showed an older draft). Checked before the PINs, so a stale form costs no PIN attempt, and
 * again in the write's transaction, since escorts may close while the PINs are being checked.
 */
function assertTakeOver(db: Db, takeOver: number[]): EscortRow[] {
  const open = readOpenEscortRows(db);
  const named = new Set(takeOver);
  const left = open.filter((e) => !named.has(e.id));
  if (left.length > 0)
    throw validation(
      `进行中的护送必须由接班民警接管：${left.map((e) => `${e.plate}（${e.id} 号）`).join('、')} 尚未勾选接管`,
      { notTakenOver: left.map((e) => e.id) },
    );
  const openIds = new Set(open.map((e) => e.id));
  const stale = takeOver.filter((id) => !openIds.has(id));
  if (stale.length > 0) throw conflict(`护送 ${stale.join('、')} 号已不在进行中，请刷新交接内容后重试`, { stale });
  return open;
}

/** A PIN checked as a login checks it (the same lockout and audit), its refusal naming whose PIN it was. */
async function signature(db: Db, who: '交班民警' | '接班民警', officer: OfficerRow, pin: string, now: number) {
  try {
    await checkOfficerPin(db, officer.badge, pin, now, () => undefined);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    // The badge is known here: the login's 警号或密码错误 would blame the wrong field.
    throw new DomainError(
      err.code,
      `${who} ${officer.name}（${officer.badge}）：${err.message.replace('警号或密码错误', '密码错误')}`,
    );
  }
}

/**
 * 交接班: both officers sign with their PIN; every open escort is taken over by the incoming officer
 * (added to its crew); the shift's contents are frozen with the record. The record and every crew
 * change commit together with their audit entries, or nothing does. Returns the record and the
 * escorts whose crew changed, for the screens.
 */
export async function signHandover(
  db: Db,
  req: SignHandoverInput,
  /** The signed-in officer: the outgoing one. */
  by: EscortActor,
  kiosks: KioskInfo[],
  now: number,
): Promise<{ record: HandoverRecord; takenOver: number[] }> {
  const outgoing = findOfficerById(db, by.officerId)!;
  const incoming = findOfficerByBadge(db, req.incomingBadge);
  if (!incoming || incoming.active !== 1)
    throw validation(`没有警号为 ${req.incomingBadge} 的在职民警，请核对接班民警警号`);
  if (incoming.id === outgoing.id) throw validation('接班民警不能是交班民警本人：请由接班民警输入自己的警号和密码');
  assertTakeOver(db, req.takeOver);
  await signature(db, '交班民警', outgoing, req.outgoingPin, now);
  await signature(db, '接班民警', incoming, req.incomingPin, now);

  return db.transaction(() => {
    const open = assertTakeOver(db, req.takeOver);
    const joined: number[] = [];
    for (const e of open) {
      const added = stmt(db, 'INSERT OR IGNORE INTO escort_officers (escort_id, officer_id) VALUES (?, ?)').run(
        e.id,
        incoming.id,
      );
      if (added.changes > 0) joined.push(e.id);
      // Bumped even when the incoming officer was already on the crew: the escort's owner changed hands.
      stmt(db, 'UPDATE escorts SET version = version + 1, updated_at = ? WHERE id = ?').run(now, e.id);
    }
    const contents = readHandoverContents(db, kiosks, now);
    const takenOver = open.map((e) => e.id);
    const id = Number(
      stmt(
        db,
        `INSERT INTO handovers (signed_at, shift_date, shift, shift_start, shift_end, outgoing_officer_id,
           incoming_officer_id, notes, taken_over, contents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        now,
        contents.shiftDate,
        contents.shift,
        contents.shiftStart,
        contents.shiftEnd,
        outgoing.id,
        incoming.id,
        req.notes ?? null,
        JSON.stringify(takenOver),
        JSON.stringify(contents),
      ).lastInsertRowid,
    );
    for (const e of open)
      appendAudit(
        db,
        {
          actor: by.actor,
          action: 'escort.takeOver',
          entity: 'escort',
          entityId: e.id,
          details: { handoverId: id, from: outgoing.badge, to: incoming.badge, addedToCrew: joined.includes(e.id) },
        },
        now,
      );
    appendAudit(
      db,
      {
        actor: by.actor,
        action: 'handover.sign',
        entity: 'handover',
        entityId: id,
        details: {
          shiftDate: contents.shiftDate,
          shift: contents.shift,
          outgoing: outgoing.badge,
          incoming: incoming.badge,
          takenOver,
          shiftEscorts: contents.shiftEscorts.length,
        },
      },
      now,
    );
    return { record: readHandover(db, id), takenOver };
  })();
}
