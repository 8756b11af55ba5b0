import type { EscortOfficer } from '../../../shared/contract/escorts';
import type { HandoverContents, HandoverDay, HandoverRecord } from '../../../shared/contract/handover';
import { dayBounds, parseDateKey } from '../../../shared/domain/time';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { notFound, validation } from '../errors';
import { postSettings } from '../escorts/post-settings';

export interface HandoverRow {
  id: number;
  signed_at: number;
  shift_date: string;
  shift: 'day' | 'night';
  shift_start: number;
  shift_end: number;
  outgoing_officer_id: number;
  incoming_officer_id: number;
  notes: string | null;
  taken_over: string;
  contents: string;
}

const officer = (db: Db, id: number) =>
  stmt<EscortOfficer>(db, 'SELECT id, badge, name FROM officers WHERE id = ?').get(id)!;

/** The record as signed: its contents are the JSON frozen then, never recomputed. */
export const toRecord = (db: Db, r: HandoverRow): HandoverRecord => ({
  id: r.id,
  signedAt: r.signed_at,
  outgoing: officer(db, r.outgoing_officer_id),
  incoming: officer(db, r.incoming_officer_id),
  notes: r.notes,
  takenOver: JSON.parse(r.taken_over) as number[],
  contents: JSON.parse(r.contents) as HandoverContents,
});

export function readHandover(db: Db, id: number): HandoverRecord {
  const row = stmt<HandoverRow>(db, 'SELECT * FROM handovers WHERE id = ?').get(id);
  if (!row) throw notFound(`没有编号为 ${id} 的交接班记录`);
  return toRecord(db, row);
}

/** Handovers signed on `date`, a day cut in the post's zone (not UTC): 00:10 in Liaocheng is that day's. */
export function listHandovers(db: Db, date: string): HandoverDay {
  const { timeZone } = postSettings(db);
  const day = parseDateKey(date);
  if (!day) throw validation(`日期 ${date} 无效`);
  const bounds = dayBounds(timeZone, day.year, day.month, day.day);
  const rows = stmt<HandoverRow>(
    db,
    'SELECT * FROM handovers WHERE signed_at >= ? AND signed_at < ? ORDER BY signed_at, id',
  ).all(bounds.start, bounds.end);
  return { date, timeZone, rows: rows.map((r) => toRecord(db, r)) };
}
