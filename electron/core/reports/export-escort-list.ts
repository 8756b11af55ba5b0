import type { ExportFile, ExportFormat } from '../../../shared/contract/reports';
import { monthBounds } from '../../../shared/domain/time';
import type { Db } from '../db/open';
import { ESCORT_LIST_HEADERS, escortListTable } from './escort-list';
import { tableToCsv } from './export-csv';
import { recordExport, type MonthRequest } from './export-report';
import { monthLabel } from './export-tables';
import { tablesToXlsx } from './export-xlsx';
import { monthReport } from './month-report';

/**
 * 护送明细: the month's escorts one row each, for a chest-pain or stroke centre's data clerk. The rows and
 * the report the screen then shows are read in one transaction; the file is audited like every export
 * (`reports.export`, exportKind `escortList`).
 */
export async function exportEscortList(
  db: Db,
  req: MonthRequest & { format: ExportFormat },
  actor: string,
  now: number,
): Promise<ExportFile> {
  const { report, list } = db.transaction(() => {
    const r = monthReport(db, req.year, req.month, now);
    return { report: r, list: escortListTable(db, monthBounds(r.timeZone, req.year, req.month), r.namesInExports) };
  })();
  const bytes =
    req.format === 'csv'
      ? tableToCsv(list, report.timeZone)
      : await tablesToXlsx([{ name: list.title, tables: [list], list: true }], {
          range: monthBounds(report.timeZone, req.year, req.month),
          timeZone: report.timeZone,
          postName: report.postName,
          now,
        });
  const fileName = `护送明细-${monthLabel(req)}.${req.format}`;
  const ackedColumn = ESCORT_LIST_HEADERS.indexOf('预警已知悉');
  const acked = list.rows.filter((r) => r[ackedColumn] === '是').length;
  return recordExport(db, { req, actor, now, fileName, bytes, report }, 'escortList', {
    rows: list.rows.length,
    preAlertsAcked: acked,
  });
}
