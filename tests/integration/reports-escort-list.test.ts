import { maskPlate } from '../../shared/domain/export-cells';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ESCORT_LIST_HEADERS } from '../../electron/core/reports/escort-list';
import { writeSettings } from '../../electron/core/settings-store';
import type { ExportFile } from '../../shared/contract/reports';
import { formatLocal, localToUtc } from '../../shared/domain/time';
import { parseCsv } from '../helpers/parse-csv';
import { insertEscort } from '../helpers/report-fixtures';
import { expectOk, officerClient, startTestCore, type TestClient, type TestCore } from '../helpers/test-core';

// 护送明细: the month's escorts one row each, as a chest-pain or stroke centre's data clerk imports them.
process.env.TZ = 'UTC';
const SH = 'Asia/Shanghai';
const MIN = 60_000;
const cst = (d: number, h = 0, mi = 0) => localToUtc(SH, 2026, 3, d, h, mi);
const NOW = localToUtc(SH, 2026, 4, 2, 9, 30);
const MONTH = { year: 2026, month: 3 };
const FORMULA_PLATE = '=1+2';

let core: TestCore;
let chief: TestClient;
let ids: { acked: number; formula: number; cancelled: number };
beforeEach(async () => {
  core = await startTestCore({ demo: true, clock: () => NOW });
  const { db } = core.core;
  // 40 s past the minute: the file writes times to the minute (the second is dropped, not rounded).
  const acked = insertEscort(db, {
    requestedAt: cst(1, 0, 0) + 40_000,
    met: 4,
    departed: 5,
    arrived: 9,
    handedOver: 12,
    condition: 'cardiac',
    destination: 'chestPain',
    plate: '鲁PA1234',
    officers: [3],
  });
  const formula = insertEscort(db, {
    requestedAt: cst(14, 9, 30),
    met: 6,
    arrived: 15,
    handedOver: 18,
    source: 'flagged',
    vehicle: 'private',
    condition: 'stroke',
    destination: 'stroke',
    plate: FORMULA_PLATE,
    officers: [3, 4],
  });
  const cancelled = insertEscort(db, {
    requestedAt: cst(31, 23, 59),
    met: 2,
    cancelled: 5,
    destination: null,
    officers: [4],
  });
  insertEscort(db, { requestedAt: cst(20, 8), met: 3, arrived: 9 }); // still open: not in the list yet
  insertEscort(db, { requestedAt: localToUtc(SH, 2026, 4, 1, 0, 0), arrived: 5, handedOver: 10 }); // April
  // Acknowledgements as the ER screen feature records them (written here in SQL: that feature is built elsewhere).
  const screen = db.prepare('INSERT INTO er_screens (name, token_hash, paired_at) VALUES (?, ?, 0)');
  const triage = Number(screen.run('急诊分诊台', 'h1').lastInsertRowid);
  const second = Number(screen.run('@二号屏', 'h2').lastInsertRowid);
  const ack = db.prepare('INSERT INTO escort_pre_alerts (escort_id, er_screen_id, acked_at) VALUES (?, ?, ?)');
  ack.run(acked, triage, cst(1, 0, 0) + 40_000 + 7.5 * MIN);
  ack.run(cancelled, second, cst(31, 23, 59) + 3 * MIN);
  ids = { acked, formula, cancelled };
  chief = await officerClient(core.url, '900002', '123456');
});
afterEach(async () => {
  chief.close();
  await core.dispose();
});

const bytesOf = (f: ExportFile) => Buffer.from(f.bytes as Uint8Array);
const col = (name: (typeof ESCORT_LIST_HEADERS)[number]) => ESCORT_LIST_HEADERS.indexOf(name);

interface DbEscort {
  id: number;
  requested_at: number;
  arrived_at: number | null;
  handed_over_at: number | null;
  plate: string;
}

describe('the month report carries door times', () => {
  it('per destination, over handed-over escorts only', async () => {
    const { doorTimes } = expectOk(await chief.send('reports:month', MONTH));
    const by = new Map(doorTimes.byDestination.map((r) => [r.destination, r]));
    expect(by.get('chestPain')).toMatchObject({ handedOver: 1, requestToDoor: { count: 1, median: 9, p90: 9 } });
    expect(by.get('stroke')).toMatchObject({
      handedOver: 1,
      requestToDoor: { median: 15 },
      doorToHandover: { median: 3 },
    });
    // The cancelled escort (blank destination) and the open one count nowhere.
    expect(by.get('unset')).toMatchObject({ handedOver: 0 });
    expect(doorTimes.total).toMatchObject({ handedOver: 2, requestToDoor: { count: 2, median: 12, p90: 15 } });
  });
});

describe('护送明细 export', () => {
  it('is for chiefs: an officer is refused', async () => {
    const officer = await officerClient(core.url, '900003', '123456');
    expect(await officer.send('reports:exportEscortList', { ...MONTH, format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    officer.close();
    expect(await chief.raw('reports:exportEscortList', { ...MONTH, format: 'pdf' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('csv 或 xlsx') },
    });
  });

  it('CSV: a header line, one row per closed escort matching the DB, acknowledgements right, cells neutralised', async () => {
    const file = expectOk(await chief.send('reports:exportEscortList', { ...MONTH, format: 'csv' }));
    expect(file.fileName).toBe('护送明细-2026-03.csv');
    const bytes = bytesOf(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
    expect(header).toEqual([...ESCORT_LIST_HEADERS]);
    const fromDb = core.core.db
      .prepare(
        `SELECT id, requested_at, arrived_at, handed_over_at, plate FROM escorts
         WHERE requested_at >= ? AND requested_at < ? AND status IN ('handedOver', 'cancelled') ORDER BY requested_at`,
      )
      .all(cst(1), localToUtc(SH, 2026, 4, 1)) as DbEscort[];
    expect(rows.map((r) => Number(r[0]))).toEqual([ids.acked, ids.formula, ids.cancelled]);
    expect(rows.map((r) => Number(r[0]))).toEqual(fromDb.map((e) => e.id));
    const minute = (ms: number | null) => (ms === null ? '' : formatLocal(ms, SH));
    rows.forEach((r, i) => {
      const e = fromDb[i]!;
      expect(r[col('接报时间')]).toBe(minute(e.requested_at));
      expect(r[col('到达医院大门时间')]).toBe(minute(e.arrived_at));
      expect(r[col('交接时间')]).toBe(minute(e.handed_over_at));
    });

    const [acked, formula, cancelled] = rows as [string[], string[], string[]];
    expect(acked).toEqual([
      String(ids.acked),
      '2026-03-01 00:00',
      '2026-03-01 00:04',
      '2026-03-01 00:05',
      '2026-03-01 00:09',
      '2026-03-01 00:12',
      '已交接',
      '',
      '胸痛/心脏',
      '胸痛中心',
      '救护车',
      maskPlate('鲁PA1234'),
      '9',
      '3',
      '否',
      '是',
      '2026-03-01 00:08',
      '急诊分诊台',
      '900003',
    ]);
    expect(formula[col('车牌')]).toMatch(/^'=/);
    expect(formula[col('车牌')]).toBe(`'${maskPlate(FORMULA_PLATE)}`);
    expect(formula[col('车辆类型')]).toBe('私家车');
    expect(formula[col('送往')]).toBe('卒中中心');
    expect(formula[col('预警已知悉')]).toBe('否');
    expect([formula[col('知悉时间')], formula[col('知悉设备')]]).toEqual(['', '']);
    expect(formula[col('民警')]).toBe('900003、900004');
    expect(cancelled[col('结果')]).toBe('已取消');
    expect(cancelled[col('取消时间')]).toBe('2026-04-01 00:04');
    expect(cancelled[col('送往')]).toBe('未填写');
    expect([cancelled[col('到达医院大门时间')], cancelled[col('接报→到门（分钟）')]]).toEqual(['', '']);
    expect(cancelled[col('预警已知悉')]).toBe('是');
    expect(cancelled[col('知悉设备')]).toBe(`'@二号屏`);

    const audit = core.core.db
      .prepare('SELECT actor, action, entity_id, details FROM audit_log WHERE seq = ?')
      .get(file.auditSeq) as Record<string, string>;
    expect(audit).toMatchObject({ actor: 'officer:900002', action: 'reports.export', entity_id: '2026-03' });
    expect(JSON.parse(audit.details!)).toMatchObject({
      exportKind: 'escortList',
      format: 'csv',
      fileName: '护送明细-2026-03.csv',
      rows: 3,
      preAlertsAcked: 2,
      withNames: false,
      bytes: bytes.byteLength,
    });
  });

  it('Excel: one 护送明细 sheet, times as real date cells to the minute, minutes as numbers', async () => {
    const file = expectOk(await chief.send('reports:exportEscortList', { ...MONTH, format: 'xlsx' }));
    expect(file.fileName).toBe('护送明细-2026-03.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['护送明细']);
    const sheet = book.getWorksheet('护送明细')!;
    expect(sheet.rowCount).toBe(1 + 3);
    expect(sheet.getRow(1).values).toEqual([undefined, ...ESCORT_LIST_HEADERS]);
    const acked = sheet.getRow(2);
    const cell = (name: (typeof ESCORT_LIST_HEADERS)[number]) => acked.getCell(col(name) + 1);
    // Excel dates carry no zone: the post's wall-clock minute, the seconds dropped as in the CSV.
    expect((cell('接报时间').value as Date).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(cell('接报时间').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect((cell('到达医院大门时间').value as Date).toISOString()).toBe('2026-03-01T00:09:00.000Z');
    expect((cell('知悉时间').value as Date).toISOString()).toBe('2026-03-01T00:08:00.000Z');
    expect(cell('接报→到门（分钟）').value).toBe(9);
    expect(cell('到门→交接（分钟）').value).toBe(3);
    expect(cell('预警已知悉').value).toBe('是');
    expect(sheet.getRow(3).getCell(col('车牌') + 1).value).toBe(`'${maskPlate(FORMULA_PLATE)}`);
    expect(sheet.getRow(3).getCell(col('预警已知悉') + 1).value).toBe('否');
    expect(sheet.getRow(4).getCell(col('结果') + 1).value).toBe('已取消');
  });

  it('names officers only when the setting allows', async () => {
    const without = expectOk(await chief.send('reports:exportEscortList', { ...MONTH, format: 'csv' }));
    expect(bytesOf(without).toString('utf8')).not.toMatch(/张伟|刘洋/);
    writeSettings(core.core.db, { exportPersonNames: true });
    const file = expectOk(await chief.send('reports:exportEscortList', { ...MONTH, format: 'csv' }));
    expect(bytesOf(file).toString('utf8')).toContain('张伟(900003)、刘洋(900004)');
  });
});
