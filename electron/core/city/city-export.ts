import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { CityDashboard, CityExportFile, CityFigures, CityPeriod } from '../../../shared/contract/city-dashboard';
import type { ExportFormat } from '../../../shared/contract/reports';
import { formatLocal } from '../../../shared/domain/time';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { tablesToCsv } from '../reports/export-csv';
import type { Cell, Table } from '../reports/export-tables';
import { tablesToXlsx } from '../reports/export-xlsx';
import { cityDashboard, periodBounds } from './dashboard';

const mimes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const periodLabel = (p: CityPeriod) =>
  p.month === null ? `${p.year}` : `${p.year}-${String(p.month).padStart(2, '0')}`;

const MIN = '0.0';
const columns: ReadonlyArray<readonly [string, (f: CityFigures) => number | null, string?]> = [
  ['护送（不含取消）', (f) => f.escorts],
  ['已交接', (f) => f.handedOver],
  ['已取消', (f) => f.cancelled],
  ['接报→交接 中位数（分钟）', (f) => f.medianRequestToHandover, MIN],
  ['接报→交接 P90（分钟）', (f) => f.p90RequestToHandover, MIN],
  ['头盔查处', (f) => f.helmetStops],
  ['完成教育', (f) => f.educationsCompleted],
  ['罚款', (f) => f.fines],
  ['罚款金额（元）', (f) => f.fineYuan],
  ['劝导', (f) => f.advisories],
];

/** The dashboard as tables: the period, then one row per post and the city's row. No person is in them. */
export function dashboardTables(d: CityDashboard, cityName: string, timeZone: string): Table[] {
  const row = (name: string, f: CityFigures): Cell[] => [name, ...columns.map(([, pick]) => pick(f))];
  return [
    {
      title: '报表信息',
      headers: ['项目', '内容'],
      rows: [
        ['范围', cityName],
        [d.period.month === null ? '年份' : '月份', periodLabel(d.period)],
        ['生成时间', formatLocal(d.generatedAt, timeZone, true)],
        ['说明', '各岗位按本岗时区划分月份和年份，数字与各岗位自己的统计报表一致'],
      ],
    },
    {
      title: '各岗位',
      headers: ['岗位', ...columns.map(([h]) => h)],
      formats: [undefined, ...columns.map(([, , f]) => f)],
      rows: [...d.posts.map((p) => row(p.name, p)), row('全市合计', d.totals)],
    },
  ];
}

/** Builds the file from the same dashboard the screen shows and records it in the city's audit chain first. */
export async function exportCityDashboard(
  pool: pg.Pool,
  db: Db,
  req: CityPeriod & { format: ExportFormat },
  meta: { actor: string; now: number; cityName: string; timeZone: string },
): Promise<CityExportFile> {
  const period = { year: req.year, month: req.month };
  const dashboard = await cityDashboard(pool, period, meta.now);
  const tables = dashboardTables(dashboard, meta.cityName, meta.timeZone);
  const bytes =
    req.format === 'csv'
      ? tablesToCsv(tables, meta.timeZone)
      : await tablesToXlsx([{ name: '全市', tables }], {
          range: periodBounds(meta.timeZone, period),
          timeZone: meta.timeZone,
          postName: meta.cityName,
          now: meta.now,
        });
  const fileName = `全市统计-${periodLabel(period)}.${req.format}`;
  const audit = db.transaction(() =>
    appendAudit(
      db,
      {
        actor: meta.actor,
        action: 'city.export',
        entity: 'report',
        entityId: periodLabel(period),
        details: {
          format: req.format,
          fileName,
          bytes: bytes.byteLength,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          posts: dashboard.posts.length,
          escorts: dashboard.totals.escorts,
          helmetStops: dashboard.totals.helmetStops,
        },
      },
      meta.now,
    ),
  )();
  return { fileName, mime: mimes[req.format], bytes, auditSeq: audit.seq, dashboard };
}
