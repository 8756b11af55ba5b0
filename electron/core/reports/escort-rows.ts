import { maskPlate } from '../../../shared/domain/export-cells';
import { stepLabels } from '../../../shared/domain/escort-kinds';
import type { Bounds } from '../../../shared/domain/time';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { codeLabel, labelOf, type Cell, type Table } from './export-tables';
import { toMinutes } from './stats';

/** The month's escorts as export rows, oldest first; notes and cancel reasons (free text) stay out. */
export const ESCORT_EXPORT_SQL = `
SELECT id, requested_at, source, vehicle, plate, condition, destination, status,
       met_at, arrived_at, handed_over_at, hospital_notified, relay_from
FROM escorts WHERE requested_at >= ? AND requested_at < ? ORDER BY requested_at`;

/** Who was on each of the month's escorts (the covering escorts_requested_at range, then escort_officers' key). */
export const ESCORT_CREW_SQL = `
SELECT eo.escort_id, eo.officer_id FROM escorts e CROSS JOIN escort_officers eo ON eo.escort_id = e.id
WHERE e.requested_at >= ? AND e.requested_at < ?`;

interface ExportRow {
  id: number;
  requested_at: number;
  source: string | null;
  vehicle: string | null;
  plate: string;
  condition: string | null;
  destination: string | null;
  status: keyof typeof stepLabels;
  met_at: number | null;
  arrived_at: number | null;
  handed_over_at: number | null;
  hospital_notified: number;
  relay_from: string | null;
}

const minutesBetween = (from: number | null, to: number | null) =>
  from === null || to === null ? null : toMinutes(to - from);
const at = (ms: number | null): Cell => (ms === null ? null : { at: ms });

/** Who was on each of the range's escorts: badges, or 姓名(警号) when the `exportPersonNames` setting allows. */
export function crewOf(db: Db, range: Bounds, withNames: boolean): Map<number, string[]> {
  const officers = new Map(
    (stmt(db, 'SELECT id, badge, name FROM officers').all() as { id: number; badge: string; name: string }[]).map(
      (o) => [o.id, withNames ? `${o.name}(${o.badge})` : o.badge],
    ),
  );
  const crew = new Map<number, string[]>();
  for (const [escortId, officerId] of stmt(db, ESCORT_CREW_SQL).raw(true).all(range.start, range.end) as [
    number,
    number,
  ][]) {
    const list = crew.get(escortId) ?? [];
    list.push(officers.get(officerId) ?? String(officerId));
    crew.set(escortId, list);
  }
  return crew;
}

export function escortRowsTable(db: Db, range: Bounds, withNames: boolean): Table {
  const rows = stmt(db, ESCORT_EXPORT_SQL).all(range.start, range.end) as ExportRow[];
  const crew = crewOf(db, range, withNames);
  const code = (labels: Record<string, { zh: string }>, c: string | null) => codeLabel(labels, c ?? 'unset');
  return {
    title: '护送明细',
    headers: [
      '编号',
      '接报时间',
      '来源',
      '车辆',
      '车牌（脱敏）',
      '病情',
      '去向',
      '状态',
      '会合时间',
      '到达时间',
      '交接时间',
      '接报→会合（分钟）',
      '会合→到达（分钟）',
      '接报→交接（分钟）',
      '已通知医院',
      '接力自',
      '民警',
    ],
    formats: [
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      '0.0',
      '0.0',
      '0.0',
    ],
    rows: rows.map((r) => [
      r.id,
      { at: r.requested_at },
      code(labelOf.source, r.source),
      code(labelOf.vehicle, r.vehicle),
      maskPlate(r.plate),
      code(labelOf.condition, r.condition),
      code(labelOf.destination, r.destination),
      stepLabels[r.status]?.zh ?? r.status,
      at(r.met_at),
      at(r.arrived_at),
      at(r.handed_over_at),
      minutesBetween(r.requested_at, r.met_at),
      minutesBetween(r.met_at, r.arrived_at),
      minutesBetween(r.requested_at, r.handed_over_at),
      r.hospital_notified ? '是' : '否',
      r.relay_from ?? '',
      (crew.get(r.id) ?? []).join('、'),
    ]),
  };
}
