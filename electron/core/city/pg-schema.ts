import type pg from 'pg';

/**
 * The city's PostgreSQL schema, in numbered steps like the post's SQLite migrations: a step is never
 * edited once shipped. `city_events` is the truth (every post's outbox, exactly once, in seq order);
 * the other tables are projections of it, each row the newest fact of one post's record.
 */
const steps: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: /* sql */ `
CREATE TABLE city_posts (
  post_id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name             text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 40),
  time_zone        text NOT NULL DEFAULT 'Asia/Shanghai',
  created_at       bigint NOT NULL,
  -- The one-time enrolment code (hash only) and when it lapses; cleared once used.
  enrol_code_hash  text UNIQUE,
  enrol_expires_at bigint,
  -- The post's ingest credential (hash only): it writes this post's events and nothing else.
  credential_hash  text UNIQUE,
  enrolled_at      bigint,
  -- The highest gap-free seq stored, and its hash: the link the next batch must continue.
  head_seq         bigint NOT NULL DEFAULT 0,
  head_hash        text NOT NULL DEFAULT repeat('0', 64),
  last_ingest_at   bigint,
  -- Set when a batch's hashes did not link: ingest is refused until an admin looks.
  flagged_at       bigint,
  flagged_reason   text
);

CREATE TABLE city_events (
  post_id     integer NOT NULL REFERENCES city_posts(post_id),
  seq         bigint NOT NULL,
  at          bigint NOT NULL,
  kind        text NOT NULL,
  entity_id   bigint NOT NULL,
  payload     text NOT NULL,
  prev_hash   text NOT NULL,
  hash        text NOT NULL,
  received_at bigint NOT NULL,
  PRIMARY KEY (post_id, seq)
);

CREATE TABLE city_escorts (
  post_id        integer NOT NULL REFERENCES city_posts(post_id),
  escort_id      bigint NOT NULL,
  seq            bigint NOT NULL,
  status         text NOT NULL,
  source         text,
  vehicle        text,
  condition      text,
  destination    text,
  requested_at   bigint NOT NULL,
  met_at         bigint,
  departed_at    bigint,
  arrived_at     bigint,
  handed_over_at bigint,
  cancelled_at   bigint,
  backdated      boolean NOT NULL,
  PRIMARY KEY (post_id, escort_id)
);
CREATE INDEX city_escorts_requested_at ON city_escorts (requested_at, post_id);

CREATE TABLE city_helmet_stops (
  post_id           integer NOT NULL REFERENCES city_posts(post_id),
  stop_id           bigint NOT NULL,
  seq               bigint NOT NULL,
  vehicle           text NOT NULL,
  stopped_at        bigint NOT NULL,
  outcome           text NOT NULL,
  eligible          boolean NOT NULL,
  prior_stops       integer NOT NULL,
  fine_yuan         integer NOT NULL,
  closed_at         bigint,
  offered           integer NOT NULL,
  chose_education   integer NOT NULL,
  watched_seconds   double precision NOT NULL,
  watched_sessions  integer NOT NULL,
  quiz_first_tries  integer NOT NULL,
  quiz_first_passes integer NOT NULL,
  PRIMARY KEY (post_id, stop_id)
);
CREATE INDEX city_helmet_stops_stopped_at ON city_helmet_stops (stopped_at, post_id);

CREATE TABLE city_advisories (
  post_id     integer NOT NULL REFERENCES city_posts(post_id),
  advisory_id bigint NOT NULL,
  seq         bigint NOT NULL,
  kind        text NOT NULL,
  at          bigint NOT NULL,
  undone_at   bigint,
  PRIMARY KEY (post_id, advisory_id)
);
CREATE INDEX city_advisories_at ON city_advisories (at, post_id);

CREATE TABLE city_officers (
  post_id    integer NOT NULL REFERENCES city_posts(post_id),
  officer_id bigint NOT NULL,
  seq        bigint NOT NULL,
  badge      text NOT NULL,
  role       text NOT NULL,
  active     boolean NOT NULL,
  PRIMARY KEY (post_id, officer_id)
);
`,
  },
  {
    version: 2,
    sql: /* sql */ `
-- The one city key every post keys its riders with (HMAC), so the same rider has the same key at every
-- post. One row; its 32 random bytes are drawn by the city core (cityRiderKey), not by SQL, because
-- PostgreSQL's random() is not a cryptographic generator and pgcrypto may not be installed.
CREATE TABLE city_keys (
  id         integer PRIMARY KEY CHECK (id = 1),
  rider_key  bytea NOT NULL CHECK (length(rider_key) = 32),
  created_at bigint NOT NULL
);

-- The window each stop was decided with (facts before it carry none: NULL, read as 12).
ALTER TABLE city_helmet_stops ADD COLUMN window_months integer;

-- A projection like the others: the city keys of each post's stop, the one its post matched on first.
CREATE TABLE city_rider_keys (
  post_id    integer NOT NULL REFERENCES city_posts(post_id),
  stop_id    bigint NOT NULL,
  key        text NOT NULL CHECK (key ~ '^[0-9a-f]{64}$'),
  is_primary boolean NOT NULL,
  PRIMARY KEY (post_id, stop_id, key)
);
CREATE INDEX city_rider_keys_key ON city_rider_keys (key, post_id);

-- A rider waived at two posts inside the window: one row per pair of stops, the earlier first. Not a
-- projection (a rebuild keeps it): its id is how far each of the two posts has fetched.
CREATE TABLE city_rider_reports (
  report_id       integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  earlier_post_id integer NOT NULL REFERENCES city_posts(post_id),
  earlier_stop_id bigint NOT NULL,
  later_post_id   integer NOT NULL REFERENCES city_posts(post_id),
  later_stop_id   bigint NOT NULL,
  created_at      bigint NOT NULL,
  UNIQUE (earlier_post_id, earlier_stop_id, later_post_id, later_stop_id),
  CHECK (earlier_post_id <> later_post_id)
);
CREATE INDEX city_rider_reports_earlier ON city_rider_reports (earlier_post_id, report_id);
CREATE INDEX city_rider_reports_later ON city_rider_reports (later_post_id, report_id);
`,
  },
  {
    version: 3,
    sql: /* sql */ `
-- The dashboard reads each post's own range (its month in its own zone): by post, then time, carrying
-- the columns the figures need, so a month of 100 posts is 100 index-only range reads instead of the
-- whole city's range read once per post (P9: a month of 100 posts × 10 years 113 ms → 20 ms).
CREATE INDEX city_escorts_post_requested ON city_escorts (post_id, requested_at) INCLUDE (status, handed_over_at);
CREATE INDEX city_helmet_stops_post_stopped ON city_helmet_stops (post_id, stopped_at) INCLUDE (outcome, fine_yuan);
CREATE INDEX city_advisories_post_at ON city_advisories (post_id, at) INCLUDE (undone_at);
`,
  },
];

/** Applies the missing steps, one transaction each; an advisory lock keeps two city cores from racing. */
export async function migrateCity(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(4711)');
    await client.query('CREATE TABLE IF NOT EXISTS city_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM city_schema');
    const current = rows[0]?.v ?? 0;
    for (const step of steps.filter((s) => s.version > current)) {
      await client.query('BEGIN');
      try {
        await client.query(step.sql);
        await client.query('INSERT INTO city_schema (version) VALUES ($1)', [step.version]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
    return steps.at(-1)!.version;
  } finally {
    await client.query('SELECT pg_advisory_unlock(4711)').catch(() => undefined);
    client.release();
  }
}
