import type { CityRiderReport, CityRiderReportWire } from '../../../shared/contract/city-riders';
import { roleAtLeast } from '../../../shared/domain/roles';
import { rooms, type Core } from '../context';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';

/** How often an enrolled post asks the city for new reports of riders waived at two posts. */
export const REPORTS_POLL_MS = 3_000;
const ASK_TIMEOUT_MS = 5_000;

const listSql = `SELECT r.id, r.stop_id, s.stopped_at, s.plate, s.outcome, r.other_post_name, r.other_stopped_at, r.other_outcome, r.received_at
  FROM city_rider_reports r JOIN helmet_stops s ON s.id = r.stop_id`;

type ReportRow = {
  id: number;
  stop_id: number;
  stopped_at: number;
  plate: string | null;
  outcome: CityRiderReport['outcome'];
  other_post_name: string;
  other_stopped_at: number;
  other_outcome: CityRiderReport['otherOutcome'];
  received_at: number;
};

const toReport = (r: ReportRow): CityRiderReport => ({
  reportId: r.id,
  stopId: r.stop_id,
  stoppedAt: r.stopped_at,
  plate: r.plate,
  outcome: r.outcome,
  otherPostName: r.other_post_name,
  otherStoppedAt: r.other_stopped_at,
  otherOutcome: r.other_outcome,
  receivedAt: r.received_at,
});

/** The chiefs' list: newest first. */
export const listCityReports = (db: Db, limit = 100): CityRiderReport[] =>
  stmt<ReportRow>(db, `${listSql} ORDER BY r.id DESC LIMIT ?`).all(limit).map(toReport);

/** Keeps the reports not held yet (a report naming a stop this post does not have is a city bug: skipped and logged). */
export function storeReports(core: Core, reports: readonly CityRiderReportWire[], now: number): CityRiderReport[] {
  const { db } = core;
  return db.transaction(() => {
    const fresh: CityRiderReport[] = [];
    for (const r of reports) {
      if (!stmt(db, 'SELECT 1 FROM helmet_stops WHERE id = ?').get(r.stopId)) {
        core.log('warn', 'city report names an unknown stop', { reportId: r.reportId, stopId: r.stopId });
        continue;
      }
      const inserted = stmt(
        db,
        'INSERT OR IGNORE INTO city_rider_reports (id, stop_id, other_post_name, other_stopped_at, other_outcome, received_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(r.reportId, r.stopId, r.otherPostName, r.otherStoppedAt, r.otherOutcome, now);
      if (!inserted.changes) continue;
      // Not an audit entry (no one at the post did anything): the log keeps when each report arrived.
      core.log('info', 'city rider report received', { reportId: r.reportId, stopId: r.stopId });
      fresh.push(toReport(stmt<ReportRow>(db, `${listSql} WHERE r.id = ?`).get(r.reportId)!));
    }
    return fresh;
  })();
}

/** Only chiefs and admins are told: the report is about a waiver that should not have been given. */
async function pushToChiefs(core: Core, reports: CityRiderReport[]) {
  for (const s of await core.io.in(rooms.officers).fetchSockets()) {
    const p = s.data.principal;
    if (p.kind === 'officer' && roleAtLeast(p.officer.role, 'chief')) s.emit('helmet:cityReports', reports);
  }
}

/** One round: the reports after the newest held, stored, and pushed to the chiefs. */
export async function fetchCityReports(core: Core): Promise<CityRiderReport[]> {
  if (!core.shipper) return [];
  const afterId = stmt<{ id: number | null }>(core.db, 'SELECT max(id) AS id FROM city_rider_reports').get()?.id ?? 0;
  const reply = await core.shipper.ask('city:riderReports', { afterId }, ASK_TIMEOUT_MS);
  if (!reply.ok) {
    core.log('warn', 'city refused the rider reports', { code: reply.error.code, message: reply.error.message });
    return [];
  }
  const fresh = storeReports(core, reply.value, core.clock());
  if (fresh.length) await pushToChiefs(core, fresh);
  return fresh;
}

/**
 * Polls while the post is enrolled (the shipper may start later, at 登记): a failed round is simply
 * the next one's job, so an offline city costs nothing but a refused call.
 */
export function startCityReports(core: Core): { stop(): void } {
  let busy = false;
  const timer = setInterval(() => {
    if (busy || !core.shipper) return;
    busy = true;
    fetchCityReports(core)
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, REPORTS_POLL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
