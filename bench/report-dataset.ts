// A synthetic history for the report benchmarks (and the report screenshots/e2e): years of escorts
// and 劝导 taps at the current schema, written with batched prepared INSERTs inside large transactions.
import type { Db } from '../electron/core/db/open';
import { seededRandom } from '../electron/core/demo/seeded-random';
import { TOTAL_KEY as ESCORTS_TOTAL_COUNTER } from '../electron/core/escorts/counters';
import { shiftAt } from '../shared/domain/shift';
import { advisoryKinds, conditions, destinations, requestSources, vehicleKinds } from '../shared/domain/escort-kinds';

export interface DatasetSize {
  escorts: number;
  advisories: number;
  /** History length, ending at `now`. */
  years: number;
  now: number;
  seed?: number;
  /** Officer ids to spread escorts over (must exist). */
  officerIds: number[];
}

const MIN = 60_000;
const BATCH = 20_000;

/** Random instants over the span, sorted (rows arrive in time order, as in real use). */
function instants(count: number, start: number, end: number, rand: () => number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = Math.floor(start + rand() * (end - start));
  return out.sort();
}

export function generateEscortsAndAdvisories(db: Db, size: DatasetSize): void {
  const rand = seededRandom(size.seed ?? 42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const sources = Object.keys(requestSources);
  const vehicles = Object.keys(vehicleKinds);
  const conds = Object.keys(conditions);
  const dests = Object.keys(destinations);
  const kinds = Object.keys(advisoryKinds);
  const start = size.now - size.years * 365.25 * 24 * 60 * MIN;

  const escort = db.prepare(
    `INSERT INTO escorts (plate, source, vehicle, condition, destination, hospital_notified, status, requested_at, met_at,
       departed_at, arrived_at, handed_over_at, cancelled_at, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const crew = db.prepare('INSERT INTO escort_officers (escort_id, officer_id) VALUES (?, ?)');
  const times = instants(size.escorts, start, size.now, rand);
  for (let from = 0; from < size.escorts; from += BATCH) {
    db.transaction(() => {
      for (let i = from; i < Math.min(size.escorts, from + BATCH); i++) {
        const at = times[i]!;
        const met = at + Math.round((2 + rand() * 12) * MIN);
        const arrived = met + Math.round((3 + rand() * 15) * MIN);
        const handed = arrived + Math.round((1 + rand() * 5) * MIN);
        const cancelled = rand() < 0.05;
        const officer = pick(size.officerIds);
        const id = escort.run(
          `鲁P${String.fromCharCode(65 + Math.floor(rand() * 26))}${String(Math.floor(rand() * 100000)).padStart(5, '0')}`,
          rand() < 0.02 ? null : pick(sources),
          pick(vehicles),
          pick(conds),
          pick(dests),
          rand() < 0.7 ? 1 : 0,
          cancelled ? 'cancelled' : 'handedOver',
          at,
          met,
          cancelled ? null : met + MIN,
          cancelled ? null : arrived,
          cancelled ? null : handed,
          cancelled ? met + 2 * MIN : null,
          officer,
          at,
          cancelled ? met + 2 * MIN : handed,
        ).lastInsertRowid;
        crew.run(id, officer);
        if (rand() < 0.4) {
          const second = pick(size.officerIds);
          if (second !== officer) crew.run(id, second);
        }
      }
    })();
  }
  // As the escort feature keeps it: escorts logged, less those cancelled.
  const kept = (db.prepare("SELECT COUNT(*) AS n FROM escorts WHERE status != 'cancelled'").get() as { n: number }).n;
  db.prepare(
    'INSERT INTO counters (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(ESCORTS_TOTAL_COUNTER, kept);

  const advisory = db.prepare(
    'INSERT INTO advisories (kind, officer_id, at, shift_date, shift, undone_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const taps = instants(size.advisories, start, size.now, rand);
  for (let from = 0; from < size.advisories; from += BATCH) {
    db.transaction(() => {
      for (let i = from; i < Math.min(size.advisories, from + BATCH); i++) {
        const at = taps[i]!;
        const { shift, shiftDate } = shiftAt(at, 'Asia/Shanghai');
        advisory.run(pick(kinds), pick(size.officerIds), at, shiftDate, shift, rand() < 0.01 ? at + 5_000 : null);
      }
    })();
  }
}
