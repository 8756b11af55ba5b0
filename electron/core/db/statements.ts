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

/** A domain write: its own transaction (a savepoint when nested), or `inside` one the caller holds. */
export interface Transactional<A extends unknown[], R> {
  (db: Db, ...args: A): R;
  /**
   * Runs the same body in the caller's open transaction, without a savepoint of its own: for bulk
   * writers (the demo seeder) whose one failure aborts the whole batch anyway.
   */
  inside(db: Db, ...args: A): R;
}

/**
 * A transaction function built once per connection. better-sqlite3's `db.transaction(fn)` wraps `fn`
 * anew on each call, which costs more than a small write; hot domain writes are declared with this.
 * Called inside another transaction it becomes a savepoint, as `db.transaction` does.
 */
export function transactional<A extends unknown[], R>(body: (db: Db, ...args: A) => R): Transactional<A, R> {
  const perDb = new WeakMap<Db, (...args: A) => R>();
  const run = (db: Db, ...args: A): R => {
    let tx = perDb.get(db);
    if (!tx) perDb.set(db, (tx = db.transaction((...a: A) => body(db, ...a)) as unknown as (...args: A) => R));
    return tx(...args);
  };
  return Object.assign(run, {
    inside(db: Db, ...args: A): R {
      if (!db.inTransaction) throw new Error('inside() needs an open transaction');
      return body(db, ...args);
    },
  });
}
