/**
 * Text that a spreadsheet would read as a formula (= + - @) or that a CSV importer may strip and then
 * read as one (tab, CR) is prefixed with an apostrophe, the OWASP "CSV injection" defence: Excel and
 * WPS show the apostrophe-led text as plain text. Numbers are written as numbers and never pass here.
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field: neutralised, and quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = neutraliseCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (fields: ReadonlyArray<string | number | null | undefined>): string =>
  fields.map(csvField).join(',');

/**
 * A plate in an export keeps its region prefix and last character (鲁P·A1234 → 鲁PA***4): enough for a
 * chief to tell records apart, not enough to identify a private car owner.
 */
export function maskPlate(plate: string): string {
  const chars = [...plate.replace(/[\s·]/g, '')];
  if (chars.length <= 3) return chars.length ? `${chars[0]}**` : '';
  return `${chars.slice(0, 3).join('')}${'*'.repeat(Math.max(1, chars.length - 4))}${chars.at(-1)}`;
}
