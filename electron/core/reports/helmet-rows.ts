import { maskPlate } from '../../../shared/domain/export-cells';
import { helmetVehicles, maskIdLast4, type StopOutcome } from '../../../shared/domain/helmet';
import type { Bounds } from '../../../shared/domain/time';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { outcomeWords } from '../helmet/stops';
import type { Table } from './export-tables';
import { toMinutes } from './stats';

/**
 * The month's helmet stops as export rows, oldest first, cancelled ones included (their outcome says
 * 已撤销). Only the masked identity columns are read: the ID as its last four digits, the phone masked;
 * the hashes, override and cancel reasons (free text) never leave the core.
 */
export const HELMET_EXPORT_SQL = `
SELECT id, stopped_at, vehicle, plate, place, rider_name, id_last4, phone_masked, officer_id, prior_stops,
       eligible, override_reason IS NOT NULL AS overridden, outcome, fine_yuan, ticket_no
FROM helmet_stops WHERE stopped_at >= ? AND stopped_at < ? ORDER BY stopped_at`;

/**
 * The education sessions of the month's stops (the helmet_stops_stopped_at range, then
 * education_sessions_stop): a re-offered stop has several, and its row shows the latest.
 */
export const HELMET_EXPORT_SESSIONS_SQL = `
SELECT es.stop_id, es.id, es.watched_seconds, es.quiz_score FROM helmet_stops s
CROSS JOIN education_sessions es ON es.stop_id = s.id WHERE s.stopped_at >= ? AND s.stopped_at < ?`;

const WATCHED = '观看（分钟）';

interface ExportRow {
  id: number;
  stopped_at: number;
  vehicle: keyof typeof helmetVehicles;
  plate: string | null;
  place: string;
  rider_name: string | null;
  id_last4: string | null;
  phone_masked: string | null;
  officer_id: number;
  prior_stops: number;
  eligible: number;
  overridden: number;
  outcome: StopOutcome;
  fine_yuan: number;
  ticket_no: string | null;
}

interface SessionRow {
  id: number;
  watched: number;
  quizScore: number | null;
}

function latestSessions(db: Db, range: Bounds): Map<number, SessionRow> {
  const latest = new Map<number, SessionRow>();
  for (const [stopId, id, watched, quizScore] of stmt(db, HELMET_EXPORT_SESSIONS_SQL)
    .raw(true)
    .all(range.start, range.end) as [number, number, number, number | null][]) {
    if ((latest.get(stopId)?.id ?? 0) < id) latest.set(stopId, { id, watched, quizScore });
  }
  return latest;
}

/**
 * `withNames` (the `exportPersonNames` setting) decides whether the rider's and the officer's names
 * are written; the fine's amount is written only on fined stops, so the column sums to the tally.
 */
export function helmetRowsTable(db: Db, range: Bounds, withNames: boolean): Table {
  const rows = stmt(db, HELMET_EXPORT_SQL).all(range.start, range.end) as ExportRow[];
  const officers = new Map(
    (stmt(db, 'SELECT id, badge, name FROM officers').all() as { id: number; badge: string; name: string }[]).map(
      (o) => [o.id, withNames ? `${o.name}(${o.badge})` : o.badge],
    ),
  );
  const sessions = latestSessions(db, range);
  const headers = [
    '编号',
    '拦停时间',
    '车辆',
    '号牌（脱敏）',
    '地点',
    ...(withNames ? ['姓名'] : []),
    '身份证（后四位）',
    '手机号（脱敏）',
    '此前拦停次数',
    '符合教育条件',
    '结果',
    '罚款（元）',
    '处罚决定书编号',
    WATCHED,
    '测验得分（%）',
    '民警',
  ];
  return {
    title: '头盔拦停明细',
    headers,
    formats: headers.map((h) => (h === WATCHED ? '0.0' : undefined)),
    rows: rows.map((r) => {
      const session = sessions.get(r.id);
      return [
        r.id,
        { at: r.stopped_at },
        helmetVehicles[r.vehicle]?.zh ?? r.vehicle,
        r.plate ? maskPlate(r.plate) : '',
        r.place,
        ...(withNames ? [r.rider_name ?? ''] : []),
        r.id_last4 ? maskIdLast4(r.id_last4) : '',
        r.phone_masked ?? '',
        r.prior_stops,
        r.eligible ? '是' : r.overridden ? '否（特批教育）' : '否',
        outcomeWords[r.outcome] ?? r.outcome,
        r.outcome === 'fined' ? r.fine_yuan : null,
        r.ticket_no ?? '',
        session ? toMinutes(session.watched * 1000) : null,
        session?.quizScore ?? null,
        officers.get(r.officer_id) ?? String(r.officer_id),
      ];
    }),
  };
}
