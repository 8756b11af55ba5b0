import { createHash } from 'node:crypto';
import type { Db } from '../../electron/core/db/open';

/** A hash of every row of every table: equal fingerprints mean nothing at all was written. */
export function fingerprint(db: Db): string {
  const h = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  for (const { name } of tables) {
    h.update(name);
    // Every column in order: the same for rowid and WITHOUT ROWID tables.
    const columns = (db.pragma(`table_info("${name}")`) as unknown[]).map((_, i) => i + 1).join(', ');
    for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY ${columns}`).iterate())
      h.update(JSON.stringify(row));
  }
  return h.digest('hex');
}
