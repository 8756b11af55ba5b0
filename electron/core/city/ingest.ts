import type pg from 'pg';
import type { FactKind, ShippedBatch, ShippedEvent } from '../../../shared/contract/city-events';
import { conflict, forbidden, validation } from '../errors';
import { brokenLink } from './event-chain';
import { projectionCtes, toEvent } from './projections';
import { newestStops, projectRiderKeys, recordRiderReports } from './rider-index';

export interface IngestAnswer {
  /** The highest gap-free seq the city holds for this post: the post ships from the next one. */
  ackedSeq: number;
  /** Events of this batch stored now (0 for a batch delivered before). */
  stored: number;
}

/**
 * Takes one batch from one post in one transaction: events at or below the post's head are
 * duplicates (at least once on the wire) and must equal what is stored; the rest must continue the
 * chain from the head, so storage is exactly once and in seq order. A batch that starts past the
 * head (an earlier one lost) stores nothing and answers the head, and the post resends from there.
 * A hash that does not link refuses the whole batch and flags the post: nothing of it is written.
 */
export async function ingestBatch(
  pool: pg.Pool,
  postId: number,
  batch: ShippedBatch,
  now: number,
): Promise<IngestAnswer> {
  const events = batch.events;
  for (let i = 1; i < events.length; i++)
    if (events[i]!.seq <= events[i - 1]!.seq)
      throw validation(
        `批次中的事件顺序错误（seq ${events[i]!.seq} 在 ${events[i - 1]!.seq} 之后） / batch out of order`,
      );
  const client = await pool.connect();
  // PostgreSQL dying between two of these queries emits 'error' on the checked-out client, which has no
  // listener then (the pool's is for idle clients) and would crash the city server; the next query fails anyway.
  const dropped = () => undefined;
  client.on('error', dropped);
  let flag: string | undefined;
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{
      head_seq: string;
      head_hash: string;
      flagged_reason: string | null;
      enrolled_at: string | null;
    }>('SELECT head_seq, head_hash, flagged_reason, enrolled_at FROM city_posts WHERE post_id = $1 FOR UPDATE', [
      postId,
    ]);
    const post = rows[0];
    if (!post || post.enrolled_at === null) throw forbidden('该岗位未在市级服务器登记 / post not enrolled');
    if (post.flagged_reason !== null)
      throw conflict(`该岗位的数据链已被标记，暂停接收：${post.flagged_reason}`, { flagged: true });
    const head = Number(post.head_seq);
    const seen = events.filter((e) => e.seq <= head);
    const fresh = events.filter((e) => e.seq > head);
    if (seen.length) {
      // The whole event, not its hash alone: a replay with a changed payload and the old hash is not a duplicate.
      const stored = await client.query<{
        seq: string;
        at: string;
        kind: FactKind;
        entity_id: string;
        payload: string;
        prev_hash: string;
        hash: string;
      }>(
        'SELECT seq, at, kind, entity_id, payload, prev_hash, hash FROM city_events WHERE post_id = $1 AND seq = ANY($2::bigint[])',
        [postId, seen.map((e) => e.seq)],
      );
      const storedAt = new Map(stored.rows.map((r) => [Number(r.seq), toEvent(r)]));
      const same = (e: ShippedEvent, s: ShippedEvent | undefined) =>
        s !== undefined &&
        (['at', 'kind', 'entityId', 'payload', 'prevHash', 'hash'] as const).every((k) => s[k] === e[k]);
      const differs = seen.find((e) => !same(e, storedAt.get(e.seq)));
      if (differs) flag = `seq ${differs.seq} 与已存事件不同（重放被篡改）`;
    }
    if (!flag && fresh.length && fresh[0]!.seq > head + 1) {
      await client.query('ROLLBACK');
      return { ackedSeq: head, stored: 0 };
    }
    if (!flag && fresh.length) {
      const broken = brokenLink(fresh, head, post.head_hash);
      if (broken) flag = `seq ${broken.seq}: ${broken.reason}`;
    }
    if (flag) {
      await client.query('ROLLBACK');
    } else if (!fresh.length) {
      await client.query('ROLLBACK');
      return { ackedSeq: head, stored: 0 };
    } else {
      const inserted = await storeEvents(client, postId, fresh, now, batch.timeZone);
      // After the statement above, whose projections they join: the rider index, then the reports.
      const stops = newestStops(fresh);
      if (stops.length) {
        await projectRiderKeys(client, postId, stops);
        await recordRiderReports(client, postId, stops, batch.timeZone, now);
      }
      await client.query('COMMIT');
      return { ackedSeq: fresh.at(-1)!.seq, stored: inserted };
    }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.off('error', dropped);
    client.release();
  }
  // Outside the refused transaction, so the flag stays while the batch does not.
  await pool.query(
    'UPDATE city_posts SET flagged_at = $2, flagged_reason = $3 WHERE post_id = $1 AND flagged_reason IS NULL',
    [postId, now, flag],
  );
  throw conflict(`数据链校验失败，批次被拒收，岗位已标记：${flag}`, { flagged: true });
}

/**
 * The events, their projections and the post's new head in one statement: data-modifying CTEs all
 * run, in the transaction's snapshot, whatever the final SELECT reads. One round trip per batch.
 */
async function storeEvents(
  client: pg.ClientBase,
  postId: number,
  events: readonly ShippedEvent[],
  now: number,
  timeZone: string,
): Promise<number> {
  const last = events.at(-1)!;
  const projections = projectionCtes(events, 1, 13);
  const r = await client.query<{ inserted: string }>(
    `WITH ev AS (
       INSERT INTO city_events (post_id, seq, at, kind, entity_id, payload, prev_hash, hash, received_at)
       SELECT $1, e.seq, e.at, e.kind, e.entity_id, e.payload, e.prev_hash, e.hash, $9
       FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[])
         AS e(seq, at, kind, entity_id, payload, prev_hash, hash)
       ON CONFLICT (post_id, seq) DO NOTHING
       RETURNING 1),
     head AS (UPDATE city_posts SET head_seq = $10, head_hash = $11, last_ingest_at = $9, time_zone = $12 WHERE post_id = $1)
     ${projections.ctes.map((c) => `, ${c}`).join('\n')}
     SELECT count(*) AS inserted FROM ev`,
    [
      postId,
      events.map((e) => e.seq),
      events.map((e) => e.at),
      events.map((e) => e.kind),
      events.map((e) => e.entityId),
      events.map((e) => e.payload),
      events.map((e) => e.prevHash),
      events.map((e) => e.hash),
      now,
      last.seq,
      last.hash,
      timeZone,
      ...projections.params,
    ],
  );
  return Number(r.rows[0]!.inserted);
}
