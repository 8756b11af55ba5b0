/** A small RFC 4180 reader for checking exports: returns rows of fields (the BOM is the caller's). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      // Ours ends lines with CRLF (RFC 4180); LibreOffice's CSV, read back in tests, with LF.
      endField();
      rows.push(row);
      row = [];
      if (c === '\r') i++;
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

const blank = (r: string[]) => r.every((c) => c === '');

/**
 * The rows under a section's title line, up to the next blank line; the first is the header. Our CSV
 * writes the title as `【title】`; a sheet saved as CSV by another program (LibreOffice) has the bare
 * title, and its blank lines are as wide as the sheet.
 */
export function csvSection(rows: string[][], title: string): string[][] {
  const start = rows.findIndex((r) => r[0] === `【${title}】` || (r[0] === title && blank(r.slice(1))));
  if (start < 0) throw new Error(`no section ${title}`);
  const end = rows.findIndex((r, i) => i > start && blank(r));
  return rows.slice(start + 1, end < 0 ? undefined : end);
}
