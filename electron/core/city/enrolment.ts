import { createHash, randomBytes, randomInt } from 'node:crypto';
import type pg from 'pg';
import { conflict, validation } from '../errors';

/** An enrolment code lasts a day: a city admin hands it to the post's admin, who types it under 管理. */
export const ENROL_CODE_TTL_MS = 24 * 3_600_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface NewPost {
  postId: number;
  name: string;
  /** Eight digits, shown once. */
  code: string;
  expiresAt: number;
}

/** A city admin creates a post; only the code's hash is kept. */
export async function createPost(pool: pg.Pool, name: string, now: number): Promise<NewPost> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 40) throw validation('岗位名称须为 1–40 个字');
  const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
  const expiresAt = now + ENROL_CODE_TTL_MS;
  try {
    const { rows } = await pool.query<{ post_id: number }>(
      'INSERT INTO city_posts (name, created_at, enrol_code_hash, enrol_expires_at) VALUES ($1, $2, $3, $4) RETURNING post_id',
      [trimmed, now, sha256(code), expiresAt],
    );
    return { postId: rows[0]!.post_id, name: trimmed, code, expiresAt };
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw conflict(`岗位「${trimmed}」已存在`);
    throw err;
  }
}

export interface Enrolled {
  postId: number;
  name: string;
  /** The post's ingest credential: 32 random bytes in hex, shown to the post once. */
  credential: string;
  /** The city key riders are keyed with at every post (hex). */
  cityKey: string;
}

/** The city's one rider key, drawn on first use; two city cores racing both end up with the first one stored. */
export async function cityRiderKey(pool: pg.Pool, now: number): Promise<Buffer> {
  await pool.query('INSERT INTO city_keys (id, rider_key, created_at) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING', [randomBytes(32), now]);
  const { rows } = await pool.query<{ rider_key: Buffer }>('SELECT rider_key FROM city_keys WHERE id = 1');
  return rows[0]!.rider_key;
}

/** The post's side of enrolment: a valid, unexpired, unused code gives the post its id, credential and the city key. */
export async function enrolPost(pool: pg.Pool, code: string, now: number): Promise<Enrolled> {
  const credential = randomBytes(32).toString('hex');
  // Read before the code is spent: a failure here leaves the code usable.
  const cityKey = (await cityRiderKey(pool, now)).toString('hex');
  const { rows } = await pool.query<{ post_id: number; name: string }>(
    `UPDATE city_posts SET credential_hash = $2, enrolled_at = $3, enrol_code_hash = NULL, enrol_expires_at = NULL
     WHERE enrol_code_hash = $1 AND enrol_expires_at > $3 RETURNING post_id, name`,
    [sha256(code), sha256(credential), now],
  );
  const post = rows[0];
  if (!post) throw validation('登记码无效或已过期，请向市级管理员重新获取 / enrolment code invalid or expired');
  return { postId: post.post_id, name: post.name, credential, cityKey };
}

/** The post a credential belongs to, if any. */
export async function postForCredential(pool: pg.Pool, credential: string): Promise<number | undefined> {
  const { rows } = await pool.query<{ post_id: number }>('SELECT post_id FROM city_posts WHERE credential_hash = $1', [sha256(credential)]);
  return rows[0]?.post_id;
}
