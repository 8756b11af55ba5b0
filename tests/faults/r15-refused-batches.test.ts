import { afterAll, beforeAll, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../../shared/contract/index';
import { MAX_BATCH_EVENTS, type ShippedEvent } from '../../shared/contract/city-events';
import { createPost, enrolPost } from '../../electron/core/city/enrolment';
import { eventHash } from '../../electron/core/city/event-chain';
import { outboxAfter, outboxHead } from '../../electron/core/city/outbox';
import { projectionTables } from '../../electron/core/city/projections';
import { writeWeekOfLoad } from '../../bench/week-load';
import { startCityDb, type CityDb } from '../helpers/city-pg';
import { startTestCore, type TestCore } from '../helpers/test-core';
import { figure, rng, scale } from './scale';

// Batches a post must never get stored, sent over the city server's real `city:ingest` with a real
// post credential: built from a real outbox (a year of demo history) by changing one thing at a
// time. Each must be refused with nothing written anywhere in the city's tables, and the sending
// post flagged when the batch breaks the chain (not when it is merely malformed, like a reordered one).
let db: CityDb;
let city: TestCore;
let postA: TestCore;
let postB: TestCore;
const sockets: Socket[] = [];
const tz = 'Asia/Shanghai';
/** Post A's head at the city: variants straddle it, below (replays) and above (new events). */
const HEAD_A = 400;

interface Sender {
  postId: number;
  socket: Socket;
}
let a: Sender;
let b: Sender;
let eventsA: ShippedEvent[];
let headB = 0;

const ingest = (s: Sender, events: ShippedEvent[]) =>
  s.socket.timeout(10_000).emitWithAck('city:ingest', { timeZone: tz, events }) as Promise<
    Ack<{ ackedSeq: number; stored: number }>
  >;

async function enrolled(core: TestCore, name: string): Promise<Sender> {
  const created = await createPost(db.pool, name, Date.now());
  const { postId, credential } = await enrolPost(db.pool, created.code, Date.now());
  const socket = io(city.url, {
    transports: ['websocket'],
    auth: { postCredential: credential },
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  // Its genuine history so far, as its shipper would have sent it.
  const outbox = outboxAfter(core.core.db, 0, core === postA ? HEAD_A : 1_000_000);
  for (let i = 0; i < outbox.length; i += MAX_BATCH_EVENTS)
    expect((await ingest({ postId, socket }, outbox.slice(i, i + MAX_BATCH_EVENTS))).ok).toBe(true);
  return { postId, socket };
}

beforeAll(async () => {
  [db, postA] = await Promise.all([startCityDb(), startTestCore({ demo: true, demoYears: 1 })]);
  // Post B starts later than A, so even its demo accounts' facts differ from A's in time.
  [city, postB] = await Promise.all([
    startTestCore({ pgUrl: db.cluster.url, limits: { eventsPerSecond: 1e6, eventBurst: 1e6 } }),
    startTestCore({ demo: true }),
  ]);
  headB = writeWeekOfLoad(postB.core.db, 120, Date.now());
  a = await enrolled(postA, '甲岗');
  b = await enrolled(postB, '乙岗');
  eventsA = outboxAfter(postA.core.db, 0, HEAD_A + 2 * MAX_BATCH_EVENTS);
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await city?.dispose();
  await postB?.dispose();
  await postA?.dispose();
  await db?.dispose();
});

/** Every city table's rows (the posts' heads, not their flags), and both posts' own outbox heads. */
async function fingerprint() {
  const digest = async (sql: string) =>
    (
      await db.pool.query<{ n: string; h: string }>(
        `SELECT count(*) n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) h FROM (${sql}) t`,
      )
    ).rows[0]!;
  const tables: Record<string, unknown> = {
    city_posts: await digest(
      'SELECT post_id, name, time_zone, credential_hash, enrolled_at, head_seq, head_hash, last_ingest_at FROM city_posts',
    ),
  };
  for (const table of ['city_events', ...projectionTables]) tables[table] = await digest(`SELECT * FROM ${table}`);
  return { tables, outboxA: outboxHead(postA.core.db), outboxB: outboxHead(postB.core.db) };
}

const flagOf = async (postId: number) =>
  (
    await db.pool.query<{ flagged_reason: string | null }>('SELECT flagged_reason FROM city_posts WHERE post_id = $1', [
      postId,
    ])
  ).rows[0]!.flagged_reason;
/** A city admin's release of a flagged post, so the next variant meets the same city. */
const unflag = (postId: number) =>
  db.pool.query('UPDATE city_posts SET flagged_at = NULL, flagged_reason = NULL WHERE post_id = $1', [postId]);

type Category =
  | 'tampered payload'
  | 'tampered hash'
  | 'tampered prevHash'
  | 'forged (re-hashed)'
  | 'replayed with differences'
  | 'reordered'
  | 'gapped'
  | 'foreign post';
const categories: Category[] = [
  'tampered payload',
  'tampered hash',
  'tampered prevHash',
  'forged (re-hashed)',
  'replayed with differences',
  'reordered',
  'gapped',
  'foreign post',
];

interface Variant {
  category: Category;
  detail: string;
  sender: 'a' | 'b';
  events: ShippedEvent[];
  /** Refused as breaking the chain (CONFLICT, post flagged), or as malformed (VALIDATION, not flagged). */
  flags: boolean;
}

function variants(seed: number) {
  const r = rng(seed);
  const hex64 = () => Array.from({ length: 64 }, () => '0123456789abcdef'[r.int(16)]).join('');
  const flipHex = (h: string) => {
    const i = r.int(64);
    return h.slice(0, i) + ((parseInt(h[i]!, 16) + 1 + r.int(15)) % 16).toString(16) + h.slice(i + 1);
  };
  /** A different fact the city's schema still accepts: a flag flipped or a figure moved by one. */
  const changedPayload = (e: ShippedEvent) => {
    if (r.next() < 0.25) return e.payload.replace('{"id":', '{"id": ');
    const fact = JSON.parse(e.payload) as Record<string, unknown>;
    const keys = Object.keys(fact).filter(
      (k) => k !== 'id' && (typeof fact[k] === 'boolean' || typeof fact[k] === 'number'),
    );
    const key = r.pick(keys);
    fact[key] = typeof fact[key] === 'boolean' ? !fact[key] : (fact[key] as number) + 1;
    return JSON.stringify(fact);
  };
  const span = (from: number, length: number) => eventsA.slice(from, Math.min(from + length, from + MAX_BATCH_EVENTS));
  /** A window that starts at or below A's next seq and carries new events past its head. */
  const crossing = (minFresh = 1) => {
    const from = HEAD_A - r.int(60);
    return span(from, HEAD_A - from + minFresh + r.int(MAX_BATCH_EVENTS - (HEAD_A - from) - minFresh + 1));
  };
  /** Index of a new (past the head) event in a crossing window; `last` false keeps one after it. */
  const freshIndex = (w: ShippedEvent[], last = true) => {
    const first = w.findIndex((e) => e.seq > HEAD_A);
    return first + r.int(w.length - first - (last ? 0 : 1));
  };
  const replace = (w: ShippedEvent[], i: number, e: ShippedEvent) => w.map((x, k) => (k === i ? e : x));

  const make: Record<Category, () => Omit<Variant, 'category'>> = {
    'tampered payload': () => {
      const w = crossing();
      const i = freshIndex(w);
      return {
        detail: `seq ${w[i]!.seq}`,
        sender: 'a',
        events: replace(w, i, { ...w[i]!, payload: changedPayload(w[i]!) }),
        flags: true,
      };
    },
    'tampered hash': () => {
      const w = crossing();
      const i = freshIndex(w);
      return {
        detail: `seq ${w[i]!.seq}`,
        sender: 'a',
        events: replace(w, i, { ...w[i]!, hash: r.next() < 0.5 ? hex64() : flipHex(w[i]!.hash) }),
        flags: true,
      };
    },
    'tampered prevHash': () => {
      const w = crossing();
      const i = freshIndex(w);
      return {
        detail: `seq ${w[i]!.seq}`,
        sender: 'a',
        events: replace(w, i, { ...w[i]!, prevHash: flipHex(w[i]!.prevHash) }),
        flags: true,
      };
    },
    // Content changed and its own hash recomputed: the next event's prev_hash no longer links. (The
    // newest event of a batch re-hashed alone would link: a chain without signatures cannot tell.)
    'forged (re-hashed)': () => {
      const w = crossing(2);
      const i = freshIndex(w, false);
      const forged = { ...w[i]!, payload: changedPayload(w[i]!) };
      return {
        detail: `seq ${w[i]!.seq}`,
        sender: 'a',
        events: replace(w, i, { ...forged, hash: eventHash(forged.prevHash, forged) }),
        flags: true,
      };
    },
    'replayed with differences': () => {
      const from = r.int(HEAD_A);
      const w = r.next() < 0.5 ? span(from, 1 + r.int(HEAD_A - from)) : crossing();
      const i = r.int(w.findIndex((e) => e.seq > HEAD_A) + 1 || w.length);
      const e = w[i]!;
      const how = r.pick(['payload', 'hash', 'prevHash', 'at', 're-hashed'] as const);
      const changed =
        how === 'payload'
          ? { ...e, payload: changedPayload(e) }
          : how === 'hash'
            ? { ...e, hash: flipHex(e.hash) }
            : how === 'prevHash'
              ? { ...e, prevHash: flipHex(e.prevHash) }
              : how === 'at'
                ? { ...e, at: e.at + 1 + r.int(60_000) }
                : (() => {
                    const f = { ...e, payload: changedPayload(e) };
                    return { ...f, hash: eventHash(f.prevHash, f) };
                  })();
      return {
        detail: `${how} of seq ${e.seq}`,
        sender: 'a',
        events: replace(w, i, changed),
        flags: e.seq <= HEAD_A || how !== 're-hashed' || i < w.length - 1,
      };
    },
    reordered: () => {
      const w = r.next() < 0.5 ? crossing(2) : span(r.int(HEAD_A - 2), 2 + r.int(100));
      const how = r.pick(['swap', 'reverse', 'repeat'] as const);
      const i = r.int(w.length - 1);
      const j = i + 1 + r.int(w.length - i - 1);
      const events =
        how === 'reverse'
          ? [...w].reverse()
          : how === 'repeat'
            ? [...w.slice(0, j), w[i]!, ...w.slice(j)]
            : w.map((e, k) => (k === i ? w[j]! : k === j ? w[i]! : e));
      return { detail: `${how} at ${w[i]!.seq}`, sender: 'a', events, flags: false };
    },
    gapped: () => {
      const w = crossing(3);
      // Drop events after the first new one, keeping one after the gap: the batch still starts at the head.
      const first = w.findIndex((e) => e.seq > HEAD_A) + 1;
      const i = first + r.int(w.length - first - 1);
      const k = 1 + r.int(Math.min(5, w.length - i - 1));
      return {
        detail: `seq ${w[i]!.seq}–${w[i + k - 1]!.seq} missing`,
        sender: 'a',
        events: [...w.slice(0, i), ...w.slice(i + k)],
        flags: true,
      };
    },
    // Post A's genuine events sent with post B's credential, from at or below B's next seq.
    'foreign post': () => {
      const from = r.int(headB + 1);
      return {
        detail: `A's seq ${from + 1}…`,
        sender: 'b',
        events: span(from, 1 + r.int(MAX_BATCH_EVENTS)),
        flags: true,
      };
    },
  };
  return (n: number): Variant[] =>
    Array.from({ length: n }, (_, k) => {
      const category = categories[k % categories.length]!;
      return { category, ...make[category]() };
    });
}

it('R15: tampered, forged, replayed, reordered, gapped and foreign batches are all refused, nothing written, the post flagged where the chain breaks', async () => {
  // Post A's events differ from post B's at every seq B holds: a foreign batch cannot pass as B's own.
  const own = outboxAfter(postB.core.db, 0, headB);
  expect(own.filter((e, i) => e.hash === eventsA[i]?.hash)).toEqual([]);

  const total = scale(500, 50);
  const all = variants(15)(total);
  const tally = new Map(categories.map((c) => [c, { sent: 0, refused: 0, unchanged: 0, flaggedAsDesigned: 0 }]));
  const wrong: string[] = [];
  let before = await fingerprint();
  for (const v of all) {
    const sender = v.sender === 'a' ? a : b;
    const other = v.sender === 'a' ? b : a;
    const reply = await ingest(sender, v.events);
    const after = await fingerprint();
    const flag = await flagOf(sender.postId);
    const t = tally.get(v.category)!;
    t.sent++;
    const refused = !reply.ok && reply.error.code === (v.flags ? 'CONFLICT' : 'VALIDATION');
    const unchanged = JSON.stringify(after) === JSON.stringify(before);
    const asDesigned = (flag !== null) === v.flags && (await flagOf(other.postId)) === null;
    if (refused) t.refused++;
    if (unchanged) t.unchanged++;
    if (asDesigned) t.flaggedAsDesigned++;
    if (!refused || !unchanged || !asDesigned)
      wrong.push(
        `${v.category} (${v.detail}): ${reply.ok ? `accepted ${JSON.stringify(reply.value)}` : reply.error.code}${unchanged ? '' : ', city changed'}, flag ${flag ?? 'none'}`,
      );
    if (flag !== null) await unflag(sender.postId);
    if (!unchanged) before = after;
  }
  const refused = [...tally.values()].reduce((s, t) => s + t.refused, 0);
  const written = total - [...tally.values()].reduce((s, t) => s + t.unchanged, 0);
  figure(
    'R15',
    `${refused}/${total} bad batches refused (${((100 * refused) / total).toFixed(1)} %), ${written} wrote anything; ${[...tally].map(([c, t]) => `${c} ${t.refused}/${t.sent}`).join(', ')}`,
  );
  expect(wrong).toEqual([]);
  expect(refused).toBe(total);

  // And after all of it the genuine next batch still goes in: nothing was left half-done.
  const next = await ingest(a, eventsA.slice(HEAD_A, HEAD_A + MAX_BATCH_EVENTS));
  expect(next).toEqual({ ok: true, value: { ackedSeq: HEAD_A + MAX_BATCH_EVENTS, stored: MAX_BATCH_EVENTS } });
}, 300_000);
