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

/**
 * A transaction function built once per connection. better-sqlite3's `db.transaction(fn)` wraps `fn`
 * anew on each call, which costs more than a small write; hot domain writes are declared with this.
 * Called inside another transaction it becomes a savepoint, as `db.transaction` does.
 */
export function transactional<A extends unknown[], R>(body: (db: Db, ...args: A) => R): (db: Db, ...args: A) => R {
  const perDb = new WeakMap<Db, (...args: A) => R>();
  return (db, ...args) => {
    let run = perDb.get(db);
    if (!run) perDb.set(db, (run = db.transaction((...a: A) => body(db, ...a)) as unknown as (...args: A) => R));
    return run(...args);
  };
}
