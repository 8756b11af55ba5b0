import { csvLine } from '../../../shared/domain/export-cells';
import { formatLocal } from '../../../shared/domain/time';
import type { Cell, Table } from './export-tables';

const BOM = '\uFEFF';

const text = (cell: Cell, timeZone: string, t: Table): string | number | null =>
  cell !== null && typeof cell === 'object' ? formatLocal(cell.at, timeZone, t.timeFormat !== 'minute') : cell;

const file = (lines: string[]) => Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');

/**
 * One CSV file holding the tables one after another, each under its title line and separated by a
 * blank line. UTF-8 with a BOM and CRLF line ends, which is what Excel on a Chinese Windows expects.
 */
export function tablesToCsv(tables: Table[], timeZone: string): Buffer {
  const lines: string[] = [];
  for (const t of tables) {
    if (lines.length) lines.push('');
    lines.push(csvLine([`【${t.title}】`]));
    lines.push(csvLine(t.headers));
    for (const row of t.rows) lines.push(csvLine(row.map((c) => text(c, timeZone, t))));
  }
  return file(lines);
}

/** One table as a plain CSV, its header on the first line: what an importer (a centre's data clerk) reads. */
export function tableToCsv(t: Table, timeZone: string): Buffer {
  return file([csvLine(t.headers), ...t.rows.map((row) => csvLine(row.map((c) => text(c, timeZone, t))))]);
}
