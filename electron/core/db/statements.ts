import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, compiled once per connection. Hot paths (an escort step, a 劝导 tap) run the
 * same few statements thousands of times; preparing each time would cost more than the write itself.
 */
export function stmt<Row = unknown>(db: Db, sql: string): Statement<unknown[], Row> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s as Statement<unknown[], Row>;
}
