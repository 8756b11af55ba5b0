import type pg from 'pg';
import { helmetStopFact, type Fact, type ShippedEvent } from '../../../shared/contract/city-events';
import type { CityRiderReportWire, RiderCheckAnswer } from '../../../shared/contract/city-riders';
import { monthsBefore } from '../../../shared/domain/eligibility';
import type { StopOutcome } from '../../../shared/domain/helmet';

/**
 * The city's side of the city-wide first-offence check: an index of every post's stops by rider
 * key (hashes with the city key, never a clear value), the count a post asks for while an officer
 * opens a stop, and the reports of a rider waived at two posts inside the window.
 *
 * "The same rider" is the posts' own rule: a stop matches an earlier one when its first key (ID,
 * else phone, else plate) is among the earlier stop's keys — so a plate-only stop matches a stop
 * keyed by ID and plate, as it would at one post, and an ID never matches on a shared plate.
 */

export const riderKeysTable = 'city_rider_keys';

/** A waiver: the rider chose education instead of the fine (under way or done). */
export const waiverOutcomes = ['education', 'completed'] as const satisfies readonly StopOutcome[];

/** Facts written before the window travelled with them are judged by the default window. */
const DEFAULT_WINDOW_MONTHS = 12;

/** Replaces the keys of each stop whose newest fact carries them (a fact without the field leaves them). */
export async function projectRiderKeys(
  client: pg.ClientBase,
  postId: number,
  stops: readonly Fact<'helmetStop'>[],
): Promise<void> {
  const keyed = stops.filter((s) => s.riderKeys !== undefined);
  if (!keyed.length) return;
  await client.query('DELETE FROM city_rider_keys WHERE post_id = $1 AND stop_id = ANY($2::bigint[])', [
    postId,
    keyed.map((s) => s.id),
  ]);
  const rows = keyed.flatMap((s) => s.riderKeys!.map((key, i) => ({ stopId: s.id, key, primary: i === 0 })));
  if (!rows.length) return;
  await client.query(
    `INSERT INTO city_rider_keys (post_id, stop_id, key, is_primary)
     SELECT $1, k.stop_id, k.key, k.is_primary FROM unnest($2::bigint[], $3::text[], $4::boolean[]) AS k(stop_id, key, is_primary)
     ON CONFLICT DO NOTHING`,
    [postId, rows.map((r) => r.stopId), rows.map((r) => r.key), rows.map((r) => r.primary)],
  );
}

/** Stops of `key` at posts other than `postId` inside [since, until], cancelled ones not counted. */
export async function countAtOtherPosts(
  pool: pg.Pool,
  postId: number,
  key: string,
  since: number,
  until: number,
): Promise<RiderCheckAnswer> {
  const { rows } = await pool.query<{ n: string; latest: string | null }>(
    `SELECT count(*) AS n, max(s.stopped_at) AS latest
     FROM city_rider_keys k JOIN city_helmet_stops s ON s.post_id = k.post_id AND s.stop_id = k.stop_id
     WHERE k.key = $1 AND k.post_id <> $2 AND s.outcome <> 'cancelled' AND s.stopped_at BETWEEN $3 AND $4`,
    [key, postId, since, until],
  );
  const r = rows[0]!;
  return { priorStops: Number(r.n), latestAt: r.latest === null ? null : Number(r.latest) };
}

/** The newest fact of each helmet stop in a batch (ascending seq). */
export function newestStops(events: readonly ShippedEvent[]): Fact<'helmetStop'>[] {
  const byId = new Map<number, Fact<'helmetStop'>>();
  for (const e of events)
    if (e.kind === 'helmetStop') byId.set(e.entityId, helmetStopFact.parse(JSON.parse(e.payload)));
  return [...byId.values()];
}

interface Candidate {
  post_id: number;
  stop_id: string;
  stopped_at: string;
  window_months: number | null;
  time_zone: string;
  mine_primary: boolean;
  their_primary: boolean;
}

/**
 * Called by ingest, in its transaction, after the batch is projected: for each waiver stop in it, a
 * waiver stop of the same rider at another post inside the later stop's window becomes one report
 * (unique per pair, so a batch delivered again or a stop changing again reports nothing new).
 */
export async function recordRiderReports(
  client: pg.ClientBase,
  postId: number,
  stops: readonly Fact<'helmetStop'>[],
  timeZone: string,
  now: number,
): Promise<number> {
  let reported = 0;
  for (const stop of stops) {
    if (!(waiverOutcomes as readonly string[]).includes(stop.outcome) || !stop.riderKeys?.length) continue;
    const { rows } = await client.query<Candidate>(
      `SELECT o.post_id, o.stop_id, o.stopped_at, o.window_months, p.time_zone,
              bool_or(mine.is_primary) AS mine_primary, bool_or(theirs.is_primary) AS their_primary
       FROM city_rider_keys mine
       JOIN city_rider_keys theirs ON theirs.key = mine.key AND theirs.post_id <> mine.post_id
       JOIN city_helmet_stops o ON o.post_id = theirs.post_id AND o.stop_id = theirs.stop_id
       JOIN city_posts p ON p.post_id = o.post_id
       WHERE mine.post_id = $1 AND mine.stop_id = $2 AND o.outcome = ANY($3::text[])
       GROUP BY o.post_id, o.stop_id, o.stopped_at, o.window_months, p.time_zone`,
      [postId, stop.id, waiverOutcomes],
    );
    for (const c of rows) {
      const theirAt = Number(c.stopped_at);
      const theirsFirst = theirAt <= stop.stoppedAt;
      const inWindow = theirsFirst
        ? c.mine_primary &&
          theirAt >= monthsBefore(stop.stoppedAt, stop.windowMonths ?? DEFAULT_WINDOW_MONTHS, timeZone)
        : c.their_primary &&
          stop.stoppedAt >= monthsBefore(theirAt, c.window_months ?? DEFAULT_WINDOW_MONTHS, c.time_zone);
      if (!inWindow) continue;
      const mine = [postId, stop.id];
      const theirs = [c.post_id, Number(c.stop_id)];
      const [earlier, later] = theirsFirst ? [theirs, mine] : [mine, theirs];
      const r = await client.query(
        `INSERT INTO city_rider_reports (earlier_post_id, earlier_stop_id, later_post_id, later_stop_id, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [...earlier!, ...later!, now],
      );
      reported += r.rowCount ?? 0;
    }
  }
  return reported;
}

/** One post's reports after `afterId`, oldest first: its own stop, and of the other only post, time and outcome. */
export async function reportsForPost(
  pool: pg.Pool,
  postId: number,
  afterId: number,
  limit = 100,
): Promise<CityRiderReportWire[]> {
  const side = (mine: 'earlier' | 'later', other: 'earlier' | 'later') => `
    SELECT r.report_id, r.${mine}_stop_id AS stop_id, m.stopped_at, p.name AS other_post_name,
           o.stopped_at AS other_stopped_at, o.outcome AS other_outcome
    FROM city_rider_reports r
    JOIN city_helmet_stops m ON m.post_id = r.${mine}_post_id AND m.stop_id = r.${mine}_stop_id
    JOIN city_helmet_stops o ON o.post_id = r.${other}_post_id AND o.stop_id = r.${other}_stop_id
    JOIN city_posts p ON p.post_id = r.${other}_post_id
    WHERE r.${mine}_post_id = $1 AND r.report_id > $2`;
  const { rows } = await pool.query<{
    report_id: number;
    stop_id: string;
    stopped_at: string;
    other_post_name: string;
    other_stopped_at: string;
    other_outcome: StopOutcome;
  }>(`${side('earlier', 'later')} UNION ALL ${side('later', 'earlier')} ORDER BY report_id LIMIT $3`, [
    postId,
    afterId,
    limit,
  ]);
  return rows.map((r) => ({
    reportId: r.report_id,
    stopId: Number(r.stop_id),
    stoppedAt: Number(r.stopped_at),
    otherPostName: r.other_post_name,
    otherStoppedAt: Number(r.other_stopped_at),
    otherOutcome: r.other_outcome,
  }));
}
