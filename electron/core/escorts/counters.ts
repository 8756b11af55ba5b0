import type { EscortCounters } from '../../../shared/contract/escorts';
import { periodsAt, type Bounds } from '../../../shared/domain/time';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';

/** The since-opening total: escorts logged and not cancelled, kept as a running count. */
export const TOTAL_KEY = 'escorts.total';

/** Adjusts a running total inside the caller's transaction. */
export function bumpCounter(db: Db, key: string, delta: number) {
  stmt(
    db,
    'INSERT INTO counters (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = value + excluded.value',
  ).run(key, delta);
}

export const readCounter = (db: Db, key: string): number =>
  stmt<{ value: number }>(db, 'SELECT value FROM counters WHERE key = ?').get(key)?.value ?? 0;

/** Escorts requested in [start, end), cancelled ones excluded; reads the (requested_at, status) index only. */
export const countEscorts = (db: Db, { start, end }: Bounds): number =>
  stmt<{ n: number }>(
    db,
    `SELECT COUNT(*) AS n FROM escorts WHERE requested_at >= ? AND requested_at < ? AND status != 'cancelled'`,
  ).get(start, end)!.n;

/** Today, this month and this year in the post's zone, and the running since-opening total. */
export function readEscortCounters(db: Db, now: number, timeZone: string): EscortCounters {
  const p = periodsAt(now, timeZone);
  return {
    today: countEscorts(db, p.day),
    month: countEscorts(db, p.month),
    year: countEscorts(db, p.year),
    sinceOpening: readCounter(db, TOTAL_KEY),
  };
}
