// Loaded on the first export, not at start: exceljs alone costs the core's cold start about a second.
import type ExcelJS from 'exceljs';
import type { Bounds } from '../../../shared/domain/time';
import { neutraliseCell } from '../../../shared/domain/export-cells';
import type { Cell, Table } from './export-tables';
import { wallClockIn } from './local-clock';

export interface WorkbookSheet {
  name: string;
  tables: Table[];
  /** A single row table with a frozen header and a filter (the month's rows). */
  list?: boolean;
}

const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/**
 * The XLSX: Chinese headers, numbers as numbers, instants as real date cells showing post-local time
 * (Excel dates have no zone, so the post's wall-clock time is what is written). Text cells pass the same
 * formula-injection guard as the CSV, so a re-saved CSV of this workbook stays safe too.
 */
export async function tablesToXlsx(
  sheets: WorkbookSheet[],
  meta: { range: Bounds; timeZone: string; postName: string; now: number },
): Promise<Buffer> {
  const wall = wallClockIn(meta.range, meta.timeZone);
  const book = new (await import('exceljs')).default.Workbook();
  book.creator = meta.postName;
  book.created = new Date(meta.now);
  const value = (c: Cell): ExcelJS.CellValue =>
    c === null ? null : typeof c === 'object' ? new Date(wall(c.at)) : typeof c === 'string' ? neutraliseCell(c) : c;

  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name);
    for (const t of s.tables) {
      if (!s.list) {
        if (sheet.rowCount) sheet.addRow([]);
        sheet.addRow([t.title]).font = { bold: true, size: 13 };
      }
      const header = sheet.addRow(t.headers);
      header.font = { bold: true };
      header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F2EC' } };
      for (const r of t.rows) {
        const row = sheet.addRow(r.map(value));
        r.forEach((c, i) => {
          if (c !== null && typeof c === 'object') row.getCell(i + 1).numFmt = DATE_FORMAT;
          else if (typeof c === 'number' && t.formats?.[i]) row.getCell(i + 1).numFmt = t.formats[i]!;
        });
      }
      if (s.list) {
        sheet.views = [{ state: 'frozen', ySplit: 1 }];
        sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.headers.length } };
      }
    }
    // ExcelJS gives a sheet with no rows no columns at all: null, whatever its types say.
    (sheet.columns as ExcelJS.Column[] | null)?.forEach((col, i) => {
      col.width = s.list ? (i === 0 ? 8 : 18) : i === 0 ? 34 : 14;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
