import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../electron/core/audit/chain';
import { writeSettings } from '../../electron/core/settings-store';
import type { ExportFile } from '../../shared/contract/reports';
import { localToUtc } from '../../shared/domain/time';
import { csvSection, parseCsv } from '../helpers/parse-csv';
import { insertAdvisory, insertEscort } from '../helpers/report-fixtures';
import { expectOk, officerClient, startTestCore, type TestClient, type TestCore } from '../helpers/test-core';

process.env.TZ = 'UTC';
const SH = 'Asia/Shanghai';
const cst = (d: number, h = 0, mi = 0) => localToUtc(SH, 2026, 3, d, h, mi);
const NOW = localToUtc(SH, 2026, 4, 2, 9, 30);
const MONTH = { year: 2026, month: 3 };
/** A plate and a relay note that must not leave the core as written. */
const PLATE = '鲁PB98765';

let core: TestCore;
let chief: TestClient;
beforeEach(async () => {
  core = await startTestCore({ demo: true, clock: () => NOW });
  const { db } = core.core;
  insertEscort(db, { requestedAt: cst(1, 0, 0), met: 4, arrived: 9, handedOver: 12, officers: [3] });
  insertEscort(db, {
    requestedAt: cst(14, 9, 30),
    met: 6,
    arrived: 15,
    handedOver: 18,
    source: 'flagged',
    vehicle: 'private',
    plate: PLATE,
    officers: [3, 4],
    relayFrom: '=HYPERLINK("http://x","点我")',
  });
  insertEscort(db, { requestedAt: cst(31, 23, 59), met: 2, cancelled: 5, officers: [4] });
  insertEscort(db, { requestedAt: localToUtc(SH, 2026, 4, 1, 0, 0), handedOver: 10 });
  insertAdvisory(db, 'parking', cst(20, 10));
  chief = await officerClient(core.url, '900002', '123456');
});
afterEach(async () => {
  chief.close();
  await core.dispose();
});

const bytesOf = (f: ExportFile) => Buffer.from(f.bytes as Uint8Array);
const reportNow = async () => expectOk(await chief.send('reports:month', MONTH));

describe('统计报表 access and input', () => {
  it('is for chiefs and admins, not officers', async () => {
    const officer = await officerClient(core.url, '900003', '123456');
    const denied = await officer.send('reports:month', MONTH);
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await officer.send('reports:export', { ...MONTH, format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    officer.close();
    const admin = await officerClient(core.url, '900001', '123456');
    expect(expectOk(await admin.send('reports:month', MONTH)).month.escorts.requests).toBe(3);
    admin.close();
  });

  it('defaults to the post-local current month', async () => {
    // NOW is 2 April, 09:30 China time.
    expect(expectOk(await chief.send('reports:month', {})).month).toMatchObject({ year: 2026, month: 4 });
  });

  it('refuses a bad month in Chinese and writes nothing', async () => {
    const before = verifyChain(core.core.db);
    const bad = await chief.send('reports:export', { year: 2026, month: 13, format: 'csv' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('月份应为 1–12') },
    });
    expect(await chief.raw('reports:export', { ...MONTH, format: 'docx' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('csv 或 xlsx') },
    });
    expect(await chief.raw('reports:month', { ...MONTH, extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await chief.raw('reports:month', { year: 2026 })).toMatchObject({
      ok: false,
      error: { message: '年份和月份需同时提供' },
    });
    expect(verifyChain(core.core.db)).toEqual(before);
  });
});

describe('exports match the screen', () => {
  it('CSV: BOM, summary equal to the report, the month rows masked and neutralised, audited', async () => {
    const report = await reportNow();
    expect(report.month.escorts).toMatchObject({ requests: 3, total: 2, handedOver: 2, cancelled: 1 });
    const file = expectOk(await chief.send('reports:export', { ...MONTH, format: 'csv' }));
    expect(file.fileName).toBe('统计报表-2026-03.csv');
    expect(file.report.month).toEqual(report.month);
    const bytes = bytesOf(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const rows = parseCsv(text);
    const summary = new Map(csvSection(rows, '月度汇总').map((r) => [r[0], r.slice(1)]));
    expect(csvSection(rows, '月度汇总')[0]).toEqual(['指标', '2026-03', '2026-02', '2025-03']);
    expect(summary.get('接报总数')).toEqual([String(report.month.escorts.requests), '0', '0']);
    expect(summary.get('护送（不含取消）')).toEqual([String(report.month.escorts.total), '0', '0']);
    expect(summary.get('已交接')?.[0]).toBe(String(report.month.escorts.handedOver));
    expect(summary.get('来源·拦车求助')?.[0]).toBe('1');
    expect(summary.get('接报→交接 中位数（分钟）')?.[0]).toBe(
      String(report.month.escorts.intervals.requestToHandover.median),
    );
    expect(summary.get('劝导·违停劝离')?.[0]).toBe('1');
    // 到院时间节点: the screen's table, per destination, then the total and how it is counted.
    const door = csvSection(rows, '到院时间节点');
    expect(door[0]).toEqual([
      '送往',
      '已交接',
      '接报→到门 样本数',
      '接报→到门 中位数（分钟）',
      '接报→到门 P90（分钟）',
      '到门→交接 样本数',
      '到门→交接 中位数（分钟）',
      '到门→交接 P90（分钟）',
    ]);
    const doorRows = new Map(door.map((r) => [r[0], r.slice(1)]));
    expect(report.doorTimes.byDestination[0]).toMatchObject({ destination: 'emergency', handedOver: 2 });
    expect(doorRows.get('急诊')).toEqual(['2', '2', '12', '15', '2', '3', '3']);
    expect(doorRows.get('胸痛中心')).toEqual(['0', '0', '', '', '0', '', '']);
    expect(doorRows.get('合计')).toEqual(['2', '2', '12', '15', '2', '3', '3']);
    expect(doorRows.has('未填写')).toBe(false);
    expect(door.at(-1)?.[0]).toMatch(/^注：到达即医院大门时间/);
    const detail = csvSection(rows, '护送明细');
    expect(detail).toHaveLength(1 + report.month.escorts.requests);
    expect(detail[1]?.[1]).toBe('2026-03-01 00:00:00');
    expect(detail[3]?.[1]).toBe('2026-03-31 23:59:00');
    const second = detail[2]!;
    expect(second[4]).toBe('鲁PB****5');
    expect(second[15]).toBe(`'=HYPERLINK("http://x","点我")`);
    expect(second[16]).toBe('900003、900004'); // badges only: names are off by default
    expect(text).not.toContain(PLATE);
    expect(text).not.toMatch(/张伟|刘洋/);
    const audit = core.core.db
      .prepare('SELECT actor, action, entity_id, details FROM audit_log WHERE seq = ?')
      .get(file.auditSeq) as Record<string, string>;
    expect(audit).toMatchObject({ actor: 'officer:900002', action: 'reports.export', entity_id: '2026-03' });
    expect(JSON.parse(audit.details!)).toMatchObject({ format: 'csv', rows: 3, escorts: 2, bytes: bytes.byteLength });
  });

  it('Excel: 汇总 / 护送 / 头盔 sheets, real dates and numbers, totals equal to the screen', async () => {
    const report = await reportNow();
    const file = expectOk(await chief.send('reports:export', { ...MONTH, format: 'xlsx' }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '护送', '头盔']);
    const summary = book.getWorksheet('汇总')!;
    const find = (name: string) => {
      let found: ExcelJS.Row | undefined;
      summary.eachRow((r) => (r.getCell(1).value === name && !found ? (found = r) : undefined));
      return found!;
    };
    expect(find('护送（不含取消）').getCell(2).value).toBe(report.month.escorts.total);
    expect(find('接报总数').getCell(2).value).toBe(report.month.escorts.requests);
    expect(find('接报→会合 P90（分钟）').getCell(2).value).toBe(report.month.escorts.intervals.requestToMet.p90);
    expect(find('劝导总数').getCell(2).value).toBe(report.month.advisories.total);
    expect(find('合计').getCell(4).value).toBe(report.doorTimes.total.requestToDoor.median);
    const escorts = book.getWorksheet('护送')!;
    expect(escorts.getRow(1).getCell(2).value).toBe('接报时间');
    expect(escorts.rowCount).toBe(1 + report.month.escorts.requests);
    const first = escorts.getRow(2).getCell(2).value;
    expect(first).toBeInstanceOf(Date);
    // Excel dates carry no zone: the cell holds the post's wall-clock time.
    expect((first as Date).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(escorts.getRow(2).getCell(14).value).toBe(12);
    expect(escorts.getRow(3).getCell(16).value).toBe(`'=HYPERLINK("http://x","点我")`);
    let all = '';
    book.eachSheet((s) => s.eachRow((r) => (all += JSON.stringify(r.values))));
    expect(all).not.toContain(PLATE);
    expect(all).not.toMatch(/张伟|刘洋/);
  });

  it('names appear only when the setting allows', async () => {
    writeSettings(core.core.db, { exportPersonNames: true });
    const file = expectOk(await chief.send('reports:export', { ...MONTH, format: 'csv' }));
    expect(bytesOf(file).toString('utf8')).toContain('张伟(900003)、刘洋(900004)');
  });

  it('sends a file far over the 64 KB inbound message cap back in the ack', async () => {
    core.core.db.transaction(() => {
      for (let i = 0; i < 1500; i++)
        insertEscort(core.core.db, {
          requestedAt: cst(2 + (i % 27), i % 24),
          met: 3,
          arrived: 8,
          handedOver: 10 + (i % 7),
          officers: [3],
        });
    })();
    const file = expectOk(await chief.send('reports:export', { ...MONTH, format: 'xlsx' }));
    expect(bytesOf(file).byteLength).toBeGreaterThan(64 * 1024);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
    expect(book.getWorksheet('护送')!.rowCount).toBe(1 + 1503);
  });

  it('a print stamp records the PDF export and returns the chain head', async () => {
    const stamp = expectOk(await chief.send('reports:printStamp', MONTH));
    const chain = verifyChain(core.core.db);
    expect(chain).toMatchObject({ ok: true, headSeq: stamp.auditSeq, headHash: stamp.auditHash });
    expect(stamp.generatedAt).toBe(NOW);
    const row = core.core.db.prepare('SELECT actor, details FROM audit_log WHERE seq = ?').get(stamp.auditSeq) as {
      actor: string;
      details: string;
    };
    expect(row.actor).toBe('officer:900002');
    expect(JSON.parse(row.details)).toMatchObject({ format: 'pdf', escorts: 2 });
  });
});
