import { createHash } from 'node:crypto';
import type { ExportFile, ExportFormat, ExportKind, MonthReport, PrintStamp } from '../../../shared/contract/reports';
import { monthBounds } from '../../../shared/domain/time';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { escortRowsTable } from './escort-rows';
import { tablesToCsv } from './export-csv';
import {
  doorTimesTable,
  headerTable,
  hourTable,
  monthLabel,
  officerTable,
  sinceOpeningTable,
  summaryTable,
  yearTable,
  type Table,
} from './export-tables';
import { tablesToXlsx } from './export-xlsx';
import { helmetRowsTable } from './helmet-rows';
import { monthReport } from './month-report';

export interface MonthRequest {
  year: number;
  month: number;
}

const mimes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The figures an export carries, also written into its audit entry so a file can be matched to it. */
const auditFigures = (r: MonthReport) => ({
  escorts: r.month.escorts.total,
  advisories: r.month.advisories.total,
  helmetStops: r.month.helmet.stops,
});

const summaryTables = (report: MonthReport): Table[] => [
  headerTable(report),
  summaryTable(report),
  doorTimesTable(report),
  officerTable(report, report.namesInExports),
  hourTable(report),
  yearTable(report),
  sinceOpeningTable(report),
];

/**
 * Builds a month's CSV or XLSX from the same `monthReport` the screen shows, then records the export
 * (who, what, when, the file's digest) in the audit chain before the bytes leave the core.
 */
export async function exportMonth(
  db: Db,
  req: MonthRequest & { format: ExportFormat },
  actor: string,
  now: number,
): Promise<ExportFile> {
  const { report, escorts, helmet } = db.transaction(() => {
    const r = monthReport(db, req.year, req.month, now);
    const range = monthBounds(r.timeZone, req.year, req.month);
    return {
      report: r,
      escorts: escortRowsTable(db, range, r.namesInExports),
      helmet: helmetRowsTable(db, range, r.namesInExports),
    };
  })();
  const bytes =
    req.format === 'csv'
      ? tablesToCsv([...summaryTables(report), escorts, helmet], report.timeZone)
      : await tablesToXlsx(
          [
            { name: '汇总', tables: summaryTables(report) },
            { name: '护送', tables: [escorts], list: true },
            { name: '头盔', tables: [helmet], list: true },
          ],
          {
            range: monthBounds(report.timeZone, req.year, req.month),
            timeZone: report.timeZone,
            postName: report.postName,
            now,
          },
        );
  const fileName = `统计报表-${monthLabel(req)}.${req.format}`;
  return recordExport(db, { req, actor, now, fileName, bytes, report }, 'month', {
    rows: escorts.rows.length,
    helmetRows: helmet.rows.length,
    ...auditFigures(report),
  });
}

export interface BuiltExport {
  req: MonthRequest & { format: ExportFormat };
  actor: string;
  now: number;
  fileName: string;
  bytes: Buffer;
  report: MonthReport;
}

/** Records a file export (who, what, when, the file's digest) in the audit chain before the bytes leave the core. */
export function recordExport(
  db: Db,
  file: BuiltExport,
  exportKind: ExportKind,
  figures: Record<string, number>,
): ExportFile {
  const { req, actor, now, fileName, bytes, report } = file;
  const audit = db.transaction(() =>
    appendAudit(
      db,
      {
        actor,
        action: 'reports.export',
        entity: 'report',
        entityId: monthLabel(req),
        details: {
          exportKind,
          format: req.format,
          fileName,
          bytes: bytes.byteLength,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          withNames: report.namesInExports,
          ...figures,
        },
      },
      now,
    ),
  )();
  return { fileName, mime: mimes[req.format], bytes, auditSeq: audit.seq, report };
}

/**
 * A PDF is printed by the page itself (Chromium's engine), so the core cannot see its bytes: it
 * records the export with the figures printed, and returns the chain head — that very entry — for
 * the page to print in its footer, so a paper report can be checked against the log.
 */
export function stampPrint(
  db: Db,
  req: MonthRequest & { via?: 'app' | 'browser' },
  actor: string,
  now: number,
  preparedBy: string,
): PrintStamp {
  const via = req.via ?? 'app';
  return db.transaction(() => {
    const report = monthReport(db, req.year, req.month, now);
    const head = appendAudit(
      db,
      {
        actor,
        // A browser's print dialog may be cancelled unseen: what is known is that it was printed from.
        action: via === 'app' ? 'reports.export' : 'reports.print',
        entity: 'report',
        entityId: monthLabel(req),
        details: { exportKind: 'month', format: 'pdf', via, withNames: report.namesInExports, ...auditFigures(report) },
      },
      now,
    );
    return { generatedAt: now, auditSeq: head.seq, auditHash: head.hash, preparedBy, report };
  })();
}
