// The ten-year benchmark database, built once and reused by the suites of a run (and by later runs while
// the generator and the schema are unchanged): loading a million helmet stops takes minutes on a
// shared machine, and P2, P3 and P6 each want their own copy of the same data.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../electron/core/db/migrate';
import { hashPin } from '../electron/core/identity/pin';
import { fillBenchDataset } from './report-bench-data';

/** The officers of the dataset: badges 800010–800021, PIN 123456. */
export const BENCH_OFFICERS = Array.from({ length: 12 }, (_, i) => `8000${i + 10}`);
export const BENCH_PIN = '123456';

const root = join(import.meta.dirname, '..');
const sources = () => [
  ...['report-dataset.ts', 'helmet-dataset.ts', 'report-bench-data.ts', 'bench-db.ts'].map((f) => join(root, 'bench', f)),
  ...readdirSync(join(root, 'electron/core/db/migrations'))
    .sort()
    .map((f) => join(root, 'electron/core/db/migrations', f)),
];

/** A fresh copy of the dataset at `target` (a greenpost.db path); builds the cached original if needed. */
export async function copyBenchDatabase(quick: boolean, target: string, log: (l: string) => void): Promise<void> {
  const hash = createHash('sha256');
  for (const f of sources()) hash.update(readFileSync(f));
  const dir = join(tmpdir(), 'greenpost-bench-cache');
  const file = join(dir, `dataset-${quick ? 'quick' : 'full'}-${hash.digest('hex').slice(0, 12)}.db`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    for (const old of readdirSync(dir)) if (old.startsWith(`dataset-${quick ? 'quick' : 'full'}-`)) rmSync(join(dir, old));
    const building = `${file}.${process.pid}.tmp`;
    const db = new Database(building);
    db.pragma('journal_mode = WAL');
    migrate(db);
    const pinHash = await hashPin(BENCH_PIN);
    const add = db.prepare(
      "INSERT INTO officers (badge, name, role, pin_hash, created_at) VALUES (?, ?, 'officer', ?, 0)",
    );
    const officerIds = BENCH_OFFICERS.map((badge, i) => Number(add.run(badge, `民警${i + 1}`, pinHash).lastInsertRowid));
    const { summary } = fillBenchDataset(db, quick, officerIds);
    db.pragma('journal_mode = DELETE');
    db.close();
    renameSync(building, file);
    log(`dataset built: ${summary}`);
  } else log(`dataset: cached ${file}`);
  copyFileSync(file, target);
}
