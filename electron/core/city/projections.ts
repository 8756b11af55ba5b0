import type pg from 'pg';
import type { FactKind, ShippedEvent } from '../../../shared/contract/city-events';
import { newestStops, projectRiderKeys, riderKeysTable } from './rider-index';

/**
 * The city's tables built from events: one row per post and record, holding its newest fact. An
 * upsert only replaces a row with a fact of a higher seq, so replaying events (a rebuild, a batch
 * delivered twice) lands on the same rows as delivering each once.
 */
interface Projection {
  table: string;
  idColumn: string;
  /** [column, fact key, PostgreSQL type] */
  columns: ReadonlyArray<readonly [string, string, string]>;
}

const projections: Record<FactKind, Projection> = {
  escort: {
    table: 'city_escorts',
    idColumn: 'escort_id',
    columns: [
      ['status', 'status', 'text'],
      ['source', 'source', 'text'],
      ['vehicle', 'vehicle', 'text'],
      ['condition', 'condition', 'text'],
      ['destination', 'destination', 'text'],
      ['requested_at', 'requestedAt', 'bigint'],
      ['met_at', 'metAt', 'bigint'],
      ['departed_at', 'departedAt', 'bigint'],
      ['arrived_at', 'arrivedAt', 'bigint'],
      ['handed_over_at', 'handedOverAt', 'bigint'],
      ['cancelled_at', 'cancelledAt', 'bigint'],
      ['backdated', 'backdated', 'boolean'],
    ],
  },
  helmetStop: {
    table: 'city_helmet_stops',
    idColumn: 'stop_id',
    columns: [
      ['vehicle', 'vehicle', 'text'],
      ['stopped_at', 'stoppedAt', 'bigint'],
      ['outcome', 'outcome', 'text'],
      ['eligible', 'eligible', 'boolean'],
      ['prior_stops', 'priorStops', 'integer'],
      ['fine_yuan', 'fineYuan', 'integer'],
      ['closed_at', 'closedAt', 'bigint'],
      ['offered', 'offered', 'integer'],
      ['chose_education', 'choseEducation', 'integer'],
      ['watched_seconds', 'watchedSeconds', 'double precision'],
      ['watched_sessions', 'watchedSessions', 'integer'],
      ['quiz_first_tries', 'quizFirstTries', 'integer'],
      ['quiz_first_passes', 'quizFirstPasses', 'integer'],
      ['window_months', 'windowMonths', 'integer'],
    ],
  },
  advisory: {
    table: 'city_advisories',
    idColumn: 'advisory_id',
    columns: [
      ['kind', 'kind', 'text'],
      ['at', 'at', 'bigint'],
      ['undone_at', 'undoneAt', 'bigint'],
    ],
  },
  officer: {
    table: 'city_officers',
    idColumn: 'officer_id',
    columns: [
      ['badge', 'badge', 'text'],
      ['role', 'role', 'text'],
      ['active', 'active', 'boolean'],
    ],
  },
};

export const projectionTables = [...Object.values(projections).map((p) => p.table), riderKeysTable];

/** INSERT … SELECT FROM jsonb_to_recordset … ON CONFLICT DO UPDATE, newest seq wins; `$post` and `$facts` are the parameter numbers. */
const upsertSql = (p: Projection, post: number, facts: number): string => {
  const cols = p.columns.map(([c]) => c);
  const record = [['id', 'id', 'bigint'], ['seq', 'seq', 'bigint'], ...p.columns]
    .map(([, key, type]) => `"${key}" ${type}`)
    .join(', ');
  return `INSERT INTO ${p.table} (post_id, ${p.idColumn}, seq, ${cols.join(', ')})
SELECT $${post}, f."id", f."seq", ${p.columns.map(([, key]) => `f."${key}"`).join(', ')}
FROM jsonb_to_recordset($${facts}::jsonb) AS f(${record})
ON CONFLICT (post_id, ${p.idColumn}) DO UPDATE SET seq = excluded.seq, ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}
WHERE ${p.table}.seq < excluded.seq`;
};
const upserts = Object.fromEntries(Object.entries(projections).map(([k, p]) => [k, upsertSql(p, 1, 2)])) as Record<
  FactKind,
  string
>;

/**
 * Per kind, the batch's newest fact of each record, as the JSON the upserts read. The payloads were
 * parsed with the shared schema on the way in (the batch's own schema does it), so JSON.parse is enough.
 */
function newestFacts(events: readonly ShippedEvent[]): Map<FactKind, string> {
  const newest = new Map<FactKind, Map<number, Record<string, unknown>>>();
  for (const e of events) {
    let byId = newest.get(e.kind);
    if (!byId) newest.set(e.kind, (byId = new Map()));
    byId.set(e.entityId, { ...(JSON.parse(e.payload) as Record<string, unknown>), seq: e.seq });
  }
  return new Map([...newest].map(([kind, byId]) => [kind, JSON.stringify([...byId.values()])]));
}

/** Applies events (ascending seq) to the projections, one upsert per kind present. */
export async function project(client: pg.ClientBase, postId: number, events: readonly ShippedEvent[]): Promise<void> {
  for (const [kind, facts] of newestFacts(events)) await client.query(upserts[kind], [postId, facts]);
  await projectRiderKeys(client, postId, newestStops(events));
}

/**
 * The projection upserts of a batch as data-modifying CTEs, to run in the same statement as the
 * events' INSERT (one round trip instead of one per kind). `post` is the post id's parameter number;
 * the facts take the numbers from `next` on.
 */
export function projectionCtes(
  events: readonly ShippedEvent[],
  post: number,
  next: number,
): { ctes: string[]; params: string[] } {
  const ctes: string[] = [];
  const params: string[] = [];
  for (const [kind, facts] of newestFacts(events)) {
    params.push(facts);
    ctes.push(`p_${kind} AS (${upsertSql(projections[kind], post, next + params.length - 1)})`);
  }
  return { ctes, params };
}

/** Empties the projections and replays every stored event: what R13 compares the live tables with. */
export async function rebuildProjections(client: pg.ClientBase, chunk = 5_000): Promise<void> {
  await client.query(`TRUNCATE ${projectionTables.join(', ')}`);
  const posts = await client.query<{ post_id: number }>('SELECT post_id FROM city_posts ORDER BY post_id');
  for (const { post_id: postId } of posts.rows) {
    for (let after = 0; ;) {
      const { rows } = await client.query<{
        seq: string;
        at: string;
        kind: FactKind;
        entity_id: string;
        payload: string;
        prev_hash: string;
        hash: string;
      }>(
        'SELECT seq, at, kind, entity_id, payload, prev_hash, hash FROM city_events WHERE post_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [postId, after, chunk],
      );
      if (!rows.length) break;
      await project(client, postId, rows.map(toEvent));
      after = Number(rows.at(-1)!.seq);
    }
  }
}

export const toEvent = (r: {
  seq: string;
  at: string;
  kind: FactKind;
  entity_id: string;
  payload: string;
  prev_hash: string;
  hash: string;
}): ShippedEvent => ({
  seq: Number(r.seq),
  at: Number(r.at),
  kind: r.kind,
  entityId: Number(r.entity_id),
  payload: r.payload,
  prevHash: r.prev_hash,
  hash: r.hash,
});
