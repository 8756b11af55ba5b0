// P9: the city dashboard for one month over 100 posts × 10 years — one post's ten years from the
// bench generator (at the post's own volume: 12,000 escorts in five years, as the report says),
// copied to 100 posts in the city's projections — against one raw indexed aggregate per table
// (a COUNT over the month's index range of each of the three tables), same cluster, same run.
import Database from 'better-sqlite3';
import pg from 'pg';
import { cityDashboard } from '../../electron/core/city/dashboard';
import { migrateCity } from '../../electron/core/city/pg-schema';
import { migrate } from '../../electron/core/db/migrate';
import { monthBounds } from '../../shared/domain/time';
import { startPgCluster } from '../../scripts/pg-cluster';
import { generateHelmetStops } from '../helmet-dataset';
import { BENCH_MONTH, BENCH_NOW } from '../report-bench-data';
import { generateEscortsAndAdvisories } from '../report-dataset';
import { entry, percentile, type BenchSuite } from '../types';

const ONE_POST = { escorts: 24_000, advisories: 30_000, helmetStops: 20_000 };
const TZ = 'Asia/Shanghai';

/** One post's ten years, generated into a throwaway SQLite at the current schema. */
function onePost() {
  const db = new Database(':memory:');
  migrate(db);
  const officer = Number(
    db
      .prepare(
        "INSERT INTO officers (badge, name, role, pin_hash, created_at) VALUES ('800010', '民警', 'officer', 'x', 0)",
      )
      .run().lastInsertRowid,
  );
  generateEscortsAndAdvisories(db, {
    escorts: ONE_POST.escorts,
    advisories: ONE_POST.advisories,
    years: 10,
    now: BENCH_NOW,
    officerIds: [officer],
    seed: 2026,
  });
  generateHelmetStops(db, {
    stops: ONE_POST.helmetStops,
    years: 10,
    now: BENCH_NOW,
    officerIds: [officer],
    seed: 2027,
  });
  return db;
}

/** Copies rows of `sql` (column order = `columns`) into `table` for every post, 20,000 source rows a statement. */
async function copyToPosts(pool: pg.Pool, rows: unknown[][], table: string, columns: string[], types: string[]) {
  for (let i = 0; i < rows.length; i += 20_000) {
    const chunk = rows.slice(i, i + 20_000);
    const arrays = columns.map((_, c) => chunk.map((r) => r[c]));
    const unnest = types.map((t, c) => `$${c + 1}::${t}[]`).join(', ');
    await pool.query(
      `INSERT INTO ${table} (post_id, ${columns.join(', ')})
       SELECT p.post_id, r.* FROM unnest(${unnest}) AS r(${columns.join(', ')}) CROSS JOIN city_posts p`,
      arrays,
    );
  }
}

async function timed(rounds: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

const suite: BenchSuite = async ({ quick, log }) => {
  const posts = quick ? 10 : 100;
  const cluster = await startPgCluster();
  const pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
  try {
    await migrateCity(pool);
    const t0 = performance.now();
    const source = onePost();
    await pool.query(
      `INSERT INTO city_posts (name, created_at, enrolled_at, time_zone) SELECT '压测岗 ' || n, 0, 0, $1 FROM generate_series(1, $2) AS n`,
      [TZ, posts],
    );
    await copyToPosts(
      pool,
      source
        .prepare(
          `SELECT id, 1, status, source, vehicle, condition, destination, requested_at, met_at, departed_at, arrived_at,
                  handed_over_at, cancelled_at, backdated = 1 FROM escorts`,
        )
        .raw()
        .all() as unknown[][],
      'city_escorts',
      [
        'escort_id',
        'seq',
        'status',
        'source',
        'vehicle',
        'condition',
        'destination',
        'requested_at',
        'met_at',
        'departed_at',
        'arrived_at',
        'handed_over_at',
        'cancelled_at',
        'backdated',
      ],
      [
        'bigint',
        'bigint',
        'text',
        'text',
        'text',
        'text',
        'text',
        'bigint',
        'bigint',
        'bigint',
        'bigint',
        'bigint',
        'bigint',
        'boolean',
      ],
    );
    await copyToPosts(
      pool,
      source
        .prepare(
          `SELECT id, 1, vehicle, stopped_at, outcome, eligible = 1, prior_stops, fine_yuan, closed_at, offered, chose_education,
                  watched_seconds, watched_sessions, quiz_first_tries, quiz_first_passes FROM helmet_stops`,
        )
        .raw()
        .all() as unknown[][],
      'city_helmet_stops',
      [
        'stop_id',
        'seq',
        'vehicle',
        'stopped_at',
        'outcome',
        'eligible',
        'prior_stops',
        'fine_yuan',
        'closed_at',
        'offered',
        'chose_education',
        'watched_seconds',
        'watched_sessions',
        'quiz_first_tries',
        'quiz_first_passes',
      ],
      [
        'bigint',
        'bigint',
        'text',
        'bigint',
        'text',
        'boolean',
        'integer',
        'integer',
        'bigint',
        'integer',
        'integer',
        'float8',
        'integer',
        'integer',
        'integer',
      ],
    );
    await copyToPosts(
      pool,
      source.prepare('SELECT id, 1, kind, at, undone_at FROM advisories').raw().all() as unknown[][],
      'city_advisories',
      ['advisory_id', 'seq', 'kind', 'at', 'undone_at'],
      ['bigint', 'bigint', 'text', 'bigint', 'bigint'],
    );
    source.close();
    await pool.query('VACUUM ANALYZE');
    const sizes = (
      await pool.query<{ e: string; h: string; a: string }>(
        'SELECT (SELECT count(*) FROM city_escorts) AS e, (SELECT count(*) FROM city_helmet_stops) AS h, (SELECT count(*) FROM city_advisories) AS a',
      )
    ).rows[0]!;
    log(
      `${posts} posts × 10 years: ${sizes.e} escorts, ${sizes.h} helmet stops, ${sizes.a} 劝导 loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const period = BENCH_MONTH;
    const { start, end } = monthBounds(TZ, period.year, period.month);
    const rounds = quick ? 10 : 30;
    const dashboard = await timed(rounds, () =>
      cityDashboard(pool, { year: period.year, month: period.month }, Date.now()),
    );
    const raw = await timed(rounds, async () => {
      await pool.query('SELECT count(*) FROM city_escorts WHERE requested_at >= $1 AND requested_at < $2', [
        start,
        end,
      ]);
      await pool.query('SELECT count(*) FROM city_helmet_stops WHERE stopped_at >= $1 AND stopped_at < $2', [
        start,
        end,
      ]);
      await pool.query('SELECT count(*) FROM city_advisories WHERE at >= $1 AND at < $2', [start, end]);
    });
    const year = await timed(quick ? 3 : 5, () => cityDashboard(pool, { year: period.year, month: null }, Date.now()));
    const median = (xs: number[]) => percentile(xs, 50);
    const [value, baseline] = [median(dashboard), median(raw)];
    log(
      `month dashboard median ${value.toFixed(1)} ms (p90 ${percentile(dashboard, 90).toFixed(1)}), raw indexed COUNT × 3 ${baseline.toFixed(1)} ms; year dashboard ${median(year).toFixed(0)} ms`,
    );
    return [
      entry({
        id: 'P9',
        name: `city month dashboard, ${posts} posts × 10 years, median of ${rounds} (baseline: one raw indexed COUNT per table over the month)`,
        value,
        unit: 'ms',
        baseline,
        goal: '≤ 3 × raw and ≤ 200 ms',
        pass: value <= 3 * baseline && value <= 200,
      }),
      entry({
        id: 'P9.year',
        name: `city year dashboard, ${posts} posts (baseline: the month dashboard)`,
        value: median(year),
        unit: 'ms',
        baseline: value,
        goal: 'shown, no goal',
        pass: true,
      }),
    ];
  } finally {
    await pool.end();
    cluster.dispose();
  }
};

export default suite;
