import pg from 'pg';
import type { Core } from '../context';
import { migrateCity } from './pg-schema';
import { postForCredential } from './enrolment';
import type { GreenServer } from '../context';

export interface CityRole {
  pool: pg.Pool;
}

/** Connects to the city's PostgreSQL and brings its schema up to date; refuses to start without it. */
export async function openCityRole(pgUrl: string): Promise<CityRole> {
  const pool = new pg.Pool({ connectionString: pgUrl, max: 8, connectionTimeoutMillis: 5_000 });
  // A PostgreSQL restart drops idle connections: the pool reports it here instead of crashing the core.
  pool.on('error', () => undefined);
  try {
    await migrateCity(pool);
  } catch (err) {
    await pool.end();
    throw new Error(`无法连接或初始化市级数据库 ${pgUrl.replace(/\/\/[^@/]*@/, '//…@')}：${err instanceof Error ? err.message : String(err)}`);
  }
  return { pool };
}

/**
 * A post's socket carries its ingest credential in the handshake; it is looked up before the
 * connection is accepted, so `identify` (which is synchronous) knows the post.
 */
export function admitPosts(core: Core, io: GreenServer) {
  io.use((socket, next) => {
    const credential = (socket.handshake.auth as Record<string, unknown> | undefined)?.postCredential;
    if (!core.city || typeof credential !== 'string' || credential.length > 200) return next();
    postForCredential(core.city.pool, credential).then(
      (postId) => {
        if (postId !== undefined) socket.data.postId = postId;
        next();
      },
      () => next(new Error('CITY_DB_UNAVAILABLE')),
    );
  });
}
