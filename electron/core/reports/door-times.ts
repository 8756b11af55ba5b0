import type { DestinationDoorTimes, DoorTimes } from '../../../shared/contract/reports';
import { destinations } from '../../../shared/domain/escort-kinds';
import type { Bounds } from '../../../shared/domain/time';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { durations, intervalStats } from './stats';

/**
 * The month's handed-over escorts by destination, cut by 接报 like the month tally (an escort requested
 * at 23:59 on the 31st belongs to that month, however late it reached the door), over the
 * escorts_requested_at range. group_concat skips NULLs, so an escort lacking 到达 drops out of both
 * intervals and nothing else; a blank destination comes back as ''.
 */
export const DOOR_TIMES_SQL = `
SELECT coalesce(destination, ''), COUNT(*), group_concat(arrived_at - requested_at), group_concat(handed_over_at - arrived_at)
FROM escorts WHERE requested_at >= ? AND requested_at < ? AND status = 'handedOver' GROUP BY 1`;

type DoorRow = [string, number, string | null, string | null];

const figures = (destination: string, handedOver: number, toDoor: number[], doorToHandover: number[]) =>
  ({
    destination,
    handedOver,
    requestToDoor: intervalStats(toDoor),
    doorToHandover: intervalStats(doorToHandover),
  }) satisfies DestinationDoorTimes;

export function doorTimes(db: Db, range: Bounds): DoorTimes {
  const rows = new Map(
    (stmt(db, DOOR_TIMES_SQL).raw(true).all(range.start, range.end) as DoorRow[]).map((r) => [r[0] || 'unset', r]),
  );
  const all: [number, number[], number[]] = [0, [], []];
  const byDestination = [...Object.keys(destinations), 'unset'].map((code) => {
    const [, handedOver = 0, toDoor = null, doorToHandover = null] = rows.get(code) ?? [];
    const a = durations(toDoor);
    const b = durations(doorToHandover);
    all[0] += handedOver;
    for (const d of a) all[1].push(d);
    for (const d of b) all[2].push(d);
    return figures(code, handedOver, a, b);
  });
  return { byDestination, total: figures('all', ...all) };
}
