import type pg from 'pg';
import type { CityDashboard, CityFigures, CityPeriod, CityPostColumn } from '../../../shared/contract/city-dashboard';
import { monthBounds, yearBounds, type Bounds } from '../../../shared/domain/time';
import { toMinutes } from '../reports/stats';

/**
 * Every post's figures for a month or a year from the projections, each post cut in its own zone.
 * One read per table: the posts' bounds go in as arrays and are joined to the rows, over one index
 * range spanning them all; GROUP BY ROLLUP adds the city's row (post_id NULL) in the same pass, so
 * the city's median is over every escort, not a median of medians. The definitions are the post
 * report's: medians are the mean of the two middle values (percentile_cont), p90 the nearest rank
 * (percentile_disc), minutes rounded by the same `toMinutes`.
 */
const ESCORTS_SQL = `
WITH b(post_id, s, e) AS (SELECT * FROM unnest($1::int[], $2::bigint[], $3::bigint[]))
SELECT x.post_id, count(*) FILTER (WHERE x.status <> 'cancelled') AS escorts,
  count(*) FILTER (WHERE x.status = 'handedOver') AS handed_over, count(*) FILTER (WHERE x.status = 'cancelled') AS cancelled,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY x.handed_over_at - x.requested_at) AS median,
  percentile_disc(0.9) WITHIN GROUP (ORDER BY x.handed_over_at - x.requested_at) AS p90
FROM city_escorts x JOIN b ON x.post_id = b.post_id AND x.requested_at >= b.s AND x.requested_at < b.e
WHERE x.requested_at >= $4 AND x.requested_at < $5
GROUP BY ROLLUP (x.post_id)`;

const HELMET_SQL = `
WITH b(post_id, s, e) AS (SELECT * FROM unnest($1::int[], $2::bigint[], $3::bigint[]))
SELECT x.post_id, count(*) AS stops, count(*) FILTER (WHERE x.outcome = 'completed') AS completed,
  count(*) FILTER (WHERE x.outcome = 'fined') AS fines, coalesce(sum(x.fine_yuan) FILTER (WHERE x.outcome = 'fined'), 0) AS fine_yuan
FROM city_helmet_stops x JOIN b ON x.post_id = b.post_id AND x.stopped_at >= b.s AND x.stopped_at < b.e
WHERE x.stopped_at >= $4 AND x.stopped_at < $5 AND x.outcome <> 'cancelled'
GROUP BY ROLLUP (x.post_id)`;

const ADVISORIES_SQL = `
WITH b(post_id, s, e) AS (SELECT * FROM unnest($1::int[], $2::bigint[], $3::bigint[]))
SELECT x.post_id, count(*) AS advisories
FROM city_advisories x JOIN b ON x.post_id = b.post_id AND x.at >= b.s AND x.at < b.e
WHERE x.at >= $4 AND x.at < $5 AND x.undone_at IS NULL
GROUP BY ROLLUP (x.post_id)`;

type Num = string | number | null;
interface EscortRow {
  post_id: number | null;
  escorts: Num;
  handed_over: Num;
  cancelled: Num;
  median: Num;
  p90: Num;
}
interface HelmetRow {
  post_id: number | null;
  stops: Num;
  completed: Num;
  fines: Num;
  fine_yuan: Num;
}
interface AdvisoryRow {
  post_id: number | null;
  advisories: Num;
}

const n = (v: Num | undefined) => (v === null || v === undefined ? 0 : Number(v));
const minutes = (v: Num | undefined) => (v === null || v === undefined ? null : toMinutes(Number(v)));

export const periodBounds = (timeZone: string, period: CityPeriod): Bounds =>
  period.month === null ? yearBounds(timeZone, period.year) : monthBounds(timeZone, period.year, period.month);

const figures = (e: EscortRow | undefined, h: HelmetRow | undefined, a: AdvisoryRow | undefined): CityFigures => ({
  escorts: n(e?.escorts),
  handedOver: n(e?.handed_over),
  cancelled: n(e?.cancelled),
  medianRequestToHandover: minutes(e?.median),
  p90RequestToHandover: minutes(e?.p90),
  helmetStops: n(h?.stops),
  educationsCompleted: n(h?.completed),
  fines: n(h?.fines),
  fineYuan: n(h?.fine_yuan),
  advisories: n(a?.advisories),
});

export async function cityDashboard(pool: pg.Pool, period: CityPeriod, now: number): Promise<CityDashboard> {
  const { rows: posts } = await pool.query<{
    post_id: number;
    name: string;
    time_zone: string;
    head_seq: string;
    last_ingest_at: string | null;
    flagged_reason: string | null;
  }>('SELECT post_id, name, time_zone, head_seq, last_ingest_at, flagged_reason FROM city_posts ORDER BY post_id');
  const bounds = posts.map((p) => periodBounds(p.time_zone, period));
  const params = [
    posts.map((p) => p.post_id),
    bounds.map((b) => b.start),
    bounds.map((b) => b.end),
    bounds.length ? Math.min(...bounds.map((b) => b.start)) : 0,
    bounds.length ? Math.max(...bounds.map((b) => b.end)) : 0,
  ];
  const [escorts, helmet, advisories] = await Promise.all([
    pool.query<EscortRow>(ESCORTS_SQL, params),
    pool.query<HelmetRow>(HELMET_SQL, params),
    pool.query<AdvisoryRow>(ADVISORIES_SQL, params),
  ]);
  const by = <R extends { post_id: number | null }>(rows: R[]) => new Map(rows.map((r) => [r.post_id, r]));
  const [e, h, a] = [by(escorts.rows), by(helmet.rows), by(advisories.rows)];
  return {
    period,
    generatedAt: now,
    posts: posts.map((p): CityPostColumn => ({
      postId: p.post_id,
      name: p.name,
      timeZone: p.time_zone,
      headSeq: Number(p.head_seq),
      lastIngestAt: p.last_ingest_at === null ? null : Number(p.last_ingest_at),
      flaggedReason: p.flagged_reason,
      ...figures(e.get(p.post_id), h.get(p.post_id), a.get(p.post_id)),
    })),
    totals: figures(e.get(null), h.get(null), a.get(null)),
  };
}
