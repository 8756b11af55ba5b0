import type { KioskInfo } from '../../../shared/contract/kiosk';
import type { HandoverContents, HandoverEscort } from '../../../shared/contract/handover';
import { advisoryKinds, type AdvisoryKind } from '../../../shared/domain/escort-kinds';
import { stopOutcomes, type StopOutcome } from '../../../shared/domain/helmet';
import type { ShiftSpan } from '../../../shared/domain/shift';
import { currentShift } from '../advisories/advisories';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { toViews, type EscortRow } from '../escorts/records';
import { postSettings } from '../escorts/post-settings';

const DAY_MS = 86_400_000;

const asHandoverEscorts = (db: Db, rows: EscortRow[]): HandoverEscort[] =>
  toViews(db, rows).map((e) => ({
    id: e.id,
    plate: e.plate,
    status: e.status,
    condition: e.condition,
    destination: e.destination,
    requestedAt: e.times.requested!,
    closedAt: e.times.handedOver ?? e.cancelledAt,
    officers: e.officers,
  }));

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export const readOpenEscortRows = (db: Db) =>
  stmt<EscortRow>(
    db,
    `SELECT * FROM escorts WHERE status NOT IN ('handedOver', 'cancelled') ORDER BY requested_at`,
  ).all();

/**
 * Escorts requested or closed in the shift so far. Closed ones are looked for among those requested up
 * to a day before it (the requested_at index bounds the read): an escort open longer than a day was
 * on an earlier handover's open list already, and is on this one's too (`openEscorts`).
 */
function shiftEscortRows(db: Db, shift: ShiftSpan, asOf: number): EscortRow[] {
  return stmt<EscortRow>(
    db,
    `SELECT * FROM escorts WHERE requested_at >= @from AND requested_at <= @asOf
        AND (requested_at >= @start OR COALESCE(handed_over_at, cancelled_at) >= @start)
      ORDER BY requested_at`,
  ).all({ from: shift.bounds.start - DAY_MS, start: shift.bounds.start, asOf });
}

function helmetStops(db: Db, shift: ShiftSpan): HandoverContents['helmetStops'] {
  const byOutcome = zeroes(stopOutcomes);
  const rows = stmt<{ outcome: StopOutcome; n: number }>(
    db,
    'SELECT outcome, COUNT(*) AS n FROM helmet_stops WHERE stopped_at >= ? AND stopped_at < ? GROUP BY outcome',
  ).all(shift.bounds.start, shift.bounds.end);
  for (const r of rows) byOutcome[r.outcome] = r.n;
  // A cancelled (撤销) stop was a mistake, as in the monthly tally: listed, not counted.
  return { total: rows.reduce((n, r) => n + (r.outcome === 'cancelled' ? 0 : r.n), 0), byOutcome };
}

function advisories(db: Db, shift: ShiftSpan): HandoverContents['advisories'] {
  const byKind = zeroes(Object.keys(advisoryKinds) as AdvisoryKind[]);
  // Taps are filed under the shift they were made in, so the shift's time range finds them by index.
  const rows = stmt<{ kind: AdvisoryKind; n: number }>(
    db,
    'SELECT kind, COUNT(*) AS n FROM advisories WHERE at >= ? AND at < ? AND undone_at IS NULL GROUP BY kind',
  ).all(shift.bounds.start, shift.bounds.end);
  for (const r of rows) byKind[r.kind] = r.n;
  return { total: rows.reduce((n, r) => n + r.n, 0), byKind };
}

/** What a handover at `asOf` contains: the shift `asOf` falls in, by the post's zone and shift hours. */
export function readHandoverContents(db: Db, kiosks: KioskInfo[], asOf: number): HandoverContents {
  const settings = postSettings(db);
  const shift = currentShift(db, asOf);
  const shiftEscorts = asHandoverEscorts(db, shiftEscortRows(db, shift, asOf));
  const openEscorts = asHandoverEscorts(db, readOpenEscortRows(db));
  const count = (status: 'handedOver' | 'cancelled') => shiftEscorts.filter((e) => e.status === status).length;
  return {
    postName: settings.postName,
    timeZone: settings.timeZone,
    shift: shift.shift,
    shiftDate: shift.shiftDate,
    shiftStart: shift.bounds.start,
    shiftEnd: shift.bounds.end,
    asOf,
    openEscorts,
    shiftEscorts,
    escortOutcomes: { handedOver: count('handedOver'), cancelled: count('cancelled'), open: openEscorts.length },
    helmetStops: helmetStops(db, shift),
    advisories: advisories(db, shift),
    kiosks: {
      paired: kiosks.length,
      online: kiosks.filter((k) => k.online).length,
      names: kiosks.map((k) => ({ name: k.name, online: k.online })),
    },
  };
}
