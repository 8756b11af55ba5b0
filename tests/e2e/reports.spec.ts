import { maskPlate } from '../../shared/domain/export-cells';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatLocal, localToUtc } from '../../shared/domain/time';
import { csvSection, parseCsv } from '../helpers/parse-csv';
import { insertAdvisory, insertEscort } from '../helpers/report-fixtures';
import { expect, login, openReportsAsChief, serveCore, stopCore, test, type ServedCore } from './fixtures';

const SH = 'Asia/Shanghai';
const PLATE = '鲁PE24680';

/** A year of demo history, plus a few known escorts of March 2026 (one with a plate that must not leak). */
async function coreWithMarch(): Promise<ServedCore> {
  const first = await serveCore({ demo: true, demoYears: 1 });
  await stopCore(first, true);
  const db = new Database(join(first.dataDir, 'greenpost.db'));
  db.transaction(() => {
    insertEscort(db, {
      requestedAt: localToUtc(SH, 2026, 3, 1, 0, 0),
      met: 4,
      arrived: 9,
      handedOver: 12,
      officers: [3],
    });
    insertEscort(db, {
      requestedAt: localToUtc(SH, 2026, 3, 9, 8, 15),
      met: 6,
      arrived: 14,
      handedOver: 17,
      plate: PLATE,
      officers: [3, 4],
    });
    insertEscort(db, { requestedAt: localToUtc(SH, 2026, 3, 31, 23, 59), met: 2, cancelled: 5, officers: [4] });
    insertAdvisory(db, 'parking', localToUtc(SH, 2026, 3, 20, 10, 0), 3);
  })();
  db.close();
  return serveCore({ dataDir: first.dataDir });
}

test('a chief picks a month, downloads CSV and Excel, and prints the PDF from the print layout', async ({ page }) => {
  test.slow(); // two core starts, three exports and a PDF
  const core = await coreWithMarch();
  await openReportsAsChief(page, core.url);

  await page.getByRole('combobox', { name: '年份' }).click();
  await page.locator('.ant-select-item-option[title="2026"]').click();
  await page.getByRole('combobox', { name: '月份' }).click();
  await page.locator('.ant-select-item-option[title="3 月"]').click();
  await expect(page.getByTestId('chart-compare')).toContainText('2026-03');
  const shown = Number(await page.getByTestId('headline-护送').locator('.ant-statistic-content-value').textContent());
  expect(shown).toBeGreaterThanOrEqual(2);
  // The demo seeds helmet stops too: the helmet section shows the month's figures, not a placeholder.
  const helmetShown = Number(
    await page.getByTestId('headline-头盔拦停').locator('.ant-statistic-content-value').textContent(),
  );
  expect(helmetShown).toBeGreaterThan(0);
  await expect(page.getByTestId('helmet-figure-头盔拦停').locator('.ant-statistic-content-value')).toHaveText(
    String(helmetShown),
  );
  await expect(page.getByTestId('chart-helmet')).toBeVisible();
  await expect(page.getByTestId('chart-helmetVehicle')).toBeVisible();

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe('统计报表-2026-03.csv');
  const csvBytes = readFileSync((await csv.path())!);
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = csvBytes.toString('utf8');
  const csvRows = parseCsv(csvText.slice(1));
  const summary = new Map(csvSection(csvRows, '月度汇总').map((r) => [r[0], r[1]]));
  expect(Number(summary.get('护送（不含取消）'))).toBe(shown);
  expect(Number(summary.get('头盔拦停'))).toBe(helmetShown);
  const [helmetHeader, ...stops] = csvSection(csvRows, '头盔拦停明细');
  const outcome = helmetHeader!.indexOf('结果');
  expect(stops.filter((r) => r[outcome] !== '已撤销')).toHaveLength(helmetShown);
  expect(csvText).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  expect(csvText).not.toContain(PLATE);
  expect(csvText).not.toMatch(/\d{17}[\dXx]/);
  await expect(page.getByRole('status')).toContainText('已导出：统计报表-2026-03.csv');

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toBe('统计报表-2026-03.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await xlsx.path())!);
  expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '护送', '头盔']);
  let excelTotal: unknown;
  // The first such row is the month's (the since-opening table further down uses the same label).
  book.getWorksheet('汇总')!.eachRow((r) => {
    if (excelTotal === undefined && r.getCell(1).value === '护送（不含取消）') excelTotal = r.getCell(2).value;
  });
  expect(excelTotal).toBe(shown);
  expect(book.getWorksheet('护送')!.getRow(2).getCell(2).value).toBeInstanceOf(Date);
  const helmetSheet = book.getWorksheet('头盔')!;
  expect(helmetSheet.rowCount).toBe(1 + stops.length);
  expect(helmetSheet.getRow(2).getCell(2).value).toBeInstanceOf(Date);

  // 到院时间节点: per destination; its total counts the month's handed-over escorts, as the headline does.
  const doorTimes = page.getByTestId('door-times');
  await expect(doorTimes).toContainText('到院时间节点');
  await expect(doorTimes.getByRole('cell', { name: '胸痛中心' })).toBeVisible();
  const handedOver = await page.getByTestId('headline-已交接').locator('.ant-statistic-content-value').textContent();
  await expect(doorTimes.getByTestId('door-all-0')).toHaveText(handedOver!);
  await expect(doorTimes).toContainText('缺少到达或交接时间的护送不计入相应间隔');

  // 护送明细: one row per closed escort; the first is the month's first closed escort in the DB.
  const listDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出护送明细' }).click();
  await page.getByRole('menuitem', { name: '护送明细 CSV' }).click();
  const list = await listDownload;
  expect(list.suggestedFilename()).toBe('护送明细-2026-03.csv');
  const [listHeader, ...listRows] = parseCsv(readFileSync((await list.path())!, 'utf8').slice(1));
  const listCol = (name: string) => listHeader!.indexOf(name);
  const marchDb = new Database(join(core.dataDir, 'greenpost.db'), { readonly: true });
  const march = marchDb
    .prepare(
      `SELECT id, requested_at, arrived_at, handed_over_at, plate FROM escorts
       WHERE requested_at >= ? AND requested_at < ? AND status IN ('handedOver', 'cancelled') ORDER BY requested_at, id`,
    )
    .all(localToUtc(SH, 2026, 3, 1), localToUtc(SH, 2026, 4, 1)) as {
    id: number;
    requested_at: number;
    arrived_at: number | null;
    handed_over_at: number | null;
    plate: string;
  }[];
  marchDb.close();
  const first = march[0]!;
  const minute = (ms: number | null) => (ms === null ? '' : formatLocal(ms, SH));
  expect(listRows).toHaveLength(march.length);
  expect([
    listRows[0]![listCol('编号')],
    listRows[0]![listCol('接报时间')],
    listRows[0]![listCol('到达医院大门时间')],
    listRows[0]![listCol('交接时间')],
    listRows[0]![listCol('车牌')],
  ]).toEqual([
    String(first.id),
    minute(first.requested_at),
    minute(first.arrived_at),
    minute(first.handed_over_at),
    maskPlate(first.plate),
  ]);
  expect(listRows.filter((r) => r[listCol('结果')] === '已交接')).toHaveLength(Number(handedOver));
  await expect(page.getByRole('status')).toContainText('已导出：护送明细-2026-03.csv');

  await page.getByRole('button', { name: '导出 PDF' }).click();
  await page.waitForFunction(() => (window as unknown as { __printed?: number }).__printed === 1);
  // A browser only opens its print dialog: nothing claims a file was saved.
  await expect(page.getByRole('status')).toContainText(
    '已打开打印对话框：选择“另存为 PDF”并保存为 统计报表-2026-03.pdf',
  );
  await expect(page.getByText('已导出：统计报表-2026-03.pdf')).toHaveCount(0);
  const audit = page.getByTestId('print-audit');
  await expect(audit).toHaveText(/审计链：第 \d+ 条，哈希 [0-9a-f]{64}/);
  const [, seq, hash] = /第 (\d+) 条，哈希 ([0-9a-f]{64})/.exec((await audit.textContent())!)!;
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('report-print')).toBeVisible();
  await expect(page.getByTestId('reports-page')).toBeHidden();
  await expect(page.getByTestId('report-print')).toContainText('月份：2026-03');
  await expect(page.getByTestId('print-signoff')).toContainText('制表：李卫东（900002）');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.byteLength).toBeGreaterThan(20_000);
  // An official report: every page numbered in its margin, sign-off lines and the seal on the last.
  const pdfFile = join('test-results', 'screens', 'monthly-report.pdf');
  mkdirSync(dirname(pdfFile), { recursive: true });
  writeFileSync(pdfFile, pdf);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p) => p.trim());
  expect(pages.length).toBeGreaterThan(1);
  pages.forEach((p, i) => expect(p).toContain(`第 ${i + 1} 页，共 ${pages.length} 页`));
  for (const line of ['制表：李卫东（900002）', '审核：', '负责人：', '（单位盖章）'])
    expect(pages.at(-1)!.replace(/\s+/g, '')).toContain(line.replace(/\s+/g, ''));

  // Each export and the print are in the audit chain, by the chief, and the printed head is the print's own entry.
  const db = new Database(join(core.dataDir, 'greenpost.db'), { readonly: true });
  const exports = db
    .prepare(
      "SELECT seq, hash, actor, action, details FROM audit_log WHERE action IN ('reports.export', 'reports.print') ORDER BY seq",
    )
    .all() as {
    seq: number;
    hash: string;
    actor: string;
    action: string;
    details: string;
  }[];
  db.close();
  expect(
    exports.map((e) => [e.actor, e.action, JSON.parse(e.details).exportKind, JSON.parse(e.details).format]),
  ).toEqual([
    ['officer:900002', 'reports.export', 'month', 'csv'],
    ['officer:900002', 'reports.export', 'month', 'xlsx'],
    ['officer:900002', 'reports.export', 'escortList', 'csv'],
    ['officer:900002', 'reports.print', 'month', 'pdf'],
  ]);
  expect([String(exports[3]!.seq), exports[3]!.hash]).toEqual([seq, hash]);
  await stopCore(core);
});

test('an officer does not see 统计报表', async ({ page, core }) => {
  await login(page, core.url, '900003');
  await expect(page.getByRole('menuitem', { name: '绿色通道' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '统计报表' })).toHaveCount(0);
});
