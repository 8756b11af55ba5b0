import type { Locator, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvSection, parseCsv } from '../helpers/parse-csv';
import { expect, openReportsAsChief, test } from './fixtures';

// A chief's exports read back by programs other than ours: the XLSX by LibreOffice (headless, saved
// as CSV), the PDF by poppler (pdffonts, pdftotext). For one full demo month, each figure on the
// screen must be the same in our CSV, in LibreOffice's reading of the XLSX and in the PDF's text.
// .ci/run installs both (libreoffice-calc-nogui, poppler-utils).

test.use({ demoYears: 1 });
test.describe.configure({ timeout: 180_000 });

const value = (text: string | null) => Number((text ?? '').replace(/,/g, ''));
const statistic = (card: Locator) => card.locator('.ant-statistic-content-value');

interface Figure {
  name: string;
  screen(page: Page): Locator;
  /** The CSV/XLSX section and row label that hold it (the month's column, or the single value). */
  section: '月度汇总' | '到院时间节点' | '开岗以来累计';
  row: string;
  /** The column holding it (default 1: the month's). */
  column?: number;
  /** Where it is in the PDF's text (pdftotext -layout): the first match's group 1. */
  pdf: RegExp;
}

const headline = (title: string) => (page: Page) => statistic(page.getByTestId(`headline-${title}`));
const figures: Figure[] = [
  { name: '护送', screen: headline('护送'), section: '月度汇总', row: '护送（不含取消）', pdf: /^护送\s+(\S+)/m },
  { name: '已交接', screen: headline('已交接'), section: '月度汇总', row: '已交接', pdf: /^已交接\s+(\S+)/m },
  {
    name: '接报→交接中位数',
    screen: headline('接报→交接 中位数'),
    section: '月度汇总',
    row: '接报→交接 中位数（分钟）',
    pdf: /^接报→交接（n=\d+）\s+(\S+)/m,
  },
  { name: '劝导', screen: headline('劝导'), section: '月度汇总', row: '劝导总数', pdf: /^劝导\s+(\S+)/m },
  { name: '头盔拦停', screen: headline('头盔拦停'), section: '月度汇总', row: '头盔拦停', pdf: /^头盔拦停\s+(\S+)/m },
  {
    name: '完成教育',
    screen: (page) => statistic(page.getByTestId('helmet-figure-完成教育')),
    section: '月度汇总',
    row: '完成教育',
    pdf: /^完成教育\s+(\S+)/m,
  },
  {
    name: '接报→到门中位数',
    screen: (page) => page.getByTestId('door-times').getByTestId('door-all-2'),
    section: '到院时间节点',
    row: '合计',
    column: 3,
    pdf: /^合计\s+\S+\s+\S+\s+(\S+)/m,
  },
  {
    name: '开岗以来护送',
    screen: (page) =>
      statistic(page.getByTestId('since-opening').locator('.ant-statistic').filter({ hasText: /^护送/ })),
    section: '开岗以来累计',
    row: '护送（不含取消）',
    pdf: /^护送 (\d+) · 劝导/m,
  },
];

/** Each figure's value in a CSV (ours or LibreOffice's), by section and row label. */
function fromCsv(text: string): number[] {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  return figures.map((f) => value(csvSection(rows, f.section).find((r) => r[0] === f.row)?.[f.column ?? 1] ?? null));
}

/** The month before the post's current one (Asia/Shanghai), as the report labels it: a full month of demo data. */
function lastMonth(): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

test('the month on screen is the month in our CSV, in LibreOffice reading the XLSX and in the PDF', async ({
  page,
  core,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'greenpost-readback-'));
  await openReportsAsChief(page, core.url);
  const month = lastMonth();
  await page.getByRole('button', { name: '上个月' }).click();
  await expect(page.getByTestId('chart-compare')).toContainText(`本月 ${month}`);
  const screen = await Promise.all(figures.map(async (f) => value(await f.screen(page).textContent())));
  expect(
    screen.every((n) => Number.isFinite(n) && n > 0),
    `figures on screen: ${screen}`,
  ).toBe(true);

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  const csv = fromCsv(readFileSync((await (await csvDownload).path())!, 'utf8'));

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const xlsxFile = join(dir, `统计报表-${month}.xlsx`);
  await (await xlsxDownload).saveAs(xlsxFile);
  // LibreOffice saves the first sheet (汇总) as UTF-8 CSV; its own profile keeps it off any user's.
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'libreoffice-profile')}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1',
      '--outdir',
      dir,
      xlsxFile,
    ],
    { timeout: 120_000, stdio: 'pipe' },
  );
  const xlsx = fromCsv(readFileSync(xlsxFile.replace(/\.xlsx$/, '.csv'), 'utf8'));

  await page.getByRole('button', { name: '导出 PDF' }).click();
  await page.waitForFunction(() => (window as unknown as { __printed?: number }).__printed === 1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('report-print')).toContainText(`月份：${month}`);
  const pdfFile = join(dir, `统计报表-${month}.pdf`);
  writeFileSync(pdfFile, await page.pdf({ format: 'A4', printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString();
  const pdf = figures.map((f) => value(f.pdf.exec(text)?.[1] ?? null));

  // Every font in the PDF is embedded and maps back to Unicode (so the text above could be read).
  // Chromium's PDF writer (Skia) embeds TrueType-outline fonts by name (CID TrueType, e.g.
  // BAAAAA+DejaVuSans) but writes OpenType-CFF fonts, which every Noto Sans CJK build is, as
  // unnamed Type 3 fonts: the glyphs are in the file, the font's name is not.
  const fonts = execFileSync('pdffonts', [pdfFile])
    .toString()
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => /^(\S+)\s+(.+?)\s{2,}\S+\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line))
    .map((m) => ({ name: m?.[1], type: m?.[2], embedded: m?.[3], unicode: m?.[5] }));
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((f) => f.embedded !== 'yes' || f.unicode !== 'yes')).toEqual([]);
  rmSync(dir, { recursive: true, force: true });

  const byType = new Map<string, number>();
  for (const f of fonts) {
    const key = f.name === '[none]' ? f.type! : `${f.type} ${f.name}`;
    byType.set(key, (byType.get(key) ?? 0) + 1);
  }
  console.log(
    `exports ${month}: ${figures.map((f, i) => `${f.name} ${screen[i]}`).join(' · ')}` +
      ` — screen = CSV ${csv.join('/')} = XLSX via LibreOffice ${xlsx.join('/')} = PDF text ${pdf.join('/')};` +
      ` PDF fonts all embedded with ToUnicode: ${[...byType].map(([t, n]) => `${t} ×${n}`).join(', ')}`,
  );
  expect({ csv, xlsx, pdf }).toEqual({ csv: screen, xlsx: screen, pdf: screen });
});
