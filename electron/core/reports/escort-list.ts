import { maskPlate } from '../../../shared/domain/export-cells';
import type { Bounds } from '../../../shared/domain/time';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { crewOf } from './escort-rows';
import { codeLabel, labelOf, type Cell, type Table } from './export-tables';
import { toMinutes } from './stats';

/**
 * The month's closed escorts (handed over or cancelled), cut by 接报 like every month figure, with the
 * first 已知悉 an ER screen pressed. Open escorts are left out: their door and handover times are not
 * known yet, and a clerk re-exports the month once it is closed. Notes and cancel reasons (free text
 * that may describe the patient) stay out, as in the month export.
 */
export const ESCORT_LIST_SQL = `
SELECT e.id, e.requested_at, e.met_at, e.departed_at, e.arrived_at, e.handed_over_at, e.cancelled_at, e.status,
       e.condition, e.destination, e.vehicle, e.plate, e.hospital_notified, pa.acked_at, s.name
FROM escorts e
LEFT JOIN escort_pre_alerts pa ON pa.escort_id = e.id
LEFT JOIN er_screens s ON s.id = pa.er_screen_id
WHERE e.requested_at >= ? AND e.requested_at < ? AND e.status IN ('handedOver', 'cancelled')
ORDER BY e.requested_at, e.id`;

type ListRow = [
  id: number,
  requestedAt: number,
  metAt: number | null,
  departedAt: number | null,
  arrivedAt: number | null,
  handedOverAt: number | null,
  cancelledAt: number | null,
  status: 'handedOver' | 'cancelled',
  condition: string | null,
  destination: string | null,
  vehicle: string | null,
  plate: string,
  hospitalNotified: number,
  ackedAt: number | null,
  screenName: string | null,
];

export const ESCORT_LIST_HEADERS = [
  '编号',
  '接报时间',
  '会合时间',
  '出发时间',
  '到达医院大门时间',
  '交接时间',
  '结果',
  '取消时间',
  '病情类别',
  '送往',
  '车辆类型',
  '车牌',
  '接报→到门（分钟）',
  '到门→交接（分钟）',
  '已通知医院',
  '预警已知悉',
  '知悉时间',
  '知悉设备',
  '民警',
] as const;

const MINUTES = new Set<string>(['接报→到门（分钟）', '到门→交接（分钟）']);
const at = (ms: number | null): Cell => (ms === null ? null : { at: ms });
const minutesBetween = (from: number | null, to: number | null) =>
  from === null || to === null ? null : toMinutes(to - from);

/**
 * One row per escort, times to the minute in the post's zone. The plate is masked as in every export
 * (personal data never leaves whole); a clerk matches an escort to a patient by its door time and
 * destination, and the masked plate confirms it. Officers' names only when the setting allows.
 */
export function escortListTable(db: Db, range: Bounds, withNames: boolean): Table {
  const crew = crewOf(db, range, withNames);
  const code = (labels: Record<string, { zh: string }>, c: string | null) => codeLabel(labels, c ?? 'unset');
  const rows = stmt(db, ESCORT_LIST_SQL).raw(true).all(range.start, range.end) as ListRow[];
  return {
    title: '护送明细',
    headers: [...ESCORT_LIST_HEADERS],
    formats: ESCORT_LIST_HEADERS.map((h) => (MINUTES.has(h) ? '0.0' : undefined)),
    timeFormat: 'minute',
    rows: rows.map(
      ([
        id,
        requested,
        met,
        departed,
        arrived,
        handedOver,
        cancelled,
        status,
        condition,
        destination,
        vehicle,
        plate,
        notified,
        ackedAt,
        screen,
      ]) => [
        id,
        { at: requested },
        at(met),
        at(departed),
        at(arrived),
        at(handedOver),
        status === 'handedOver' ? '已交接' : '已取消',
        at(cancelled),
        code(labelOf.condition, condition),
        code(labelOf.destination, destination),
        code(labelOf.vehicle, vehicle),
        maskPlate(plate),
        minutesBetween(requested, arrived),
        minutesBetween(arrived, handedOver),
        notified ? '是' : '否',
        ackedAt === null ? '否' : '是',
        at(ackedAt),
        screen ?? '',
        (crew.get(id) ?? []).join('、'),
      ],
    ),
  };
}
