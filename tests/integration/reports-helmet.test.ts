import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { writeSettings } from '../../electron/core/settings-store';
import type { RequestOf } from '../../shared/contract/index';
import type { ExportFile } from '../../shared/contract/reports';
import { FULL_ID_PATTERN } from '../../shared/domain/helmet';
import { localToUtc } from '../../shared/domain/time';
import { pairedKiosk, validId } from '../helpers/helmet';
import { csvSection, parseCsv } from '../helpers/parse-csv';
import { expectOk, officerClient, startTestCore, type TestClient, type TestCore } from '../helpers/test-core';

process.env.TZ = 'UTC';
const SH = 'Asia/Shanghai';
const cst = (d: number, h = 0, mi = 0) => localToUtc(SH, 2026, 3, d, h, mi);
const NOW = localToUtc(SH, 2026, 4, 2, 9, 30);
const MONTH = { year: 2026, month: 3 };

const ID_A = validId('37150219900307123');
const ID_B = validId('37150219851111002');
const PHONE = '13812345678';
/** Every full ID number and phone recorded below: none may appear in any export. */
const secrets = [ID_A, ID_B, validId('37150220000101003'), PHONE, '13987654321', '13700001111'];
const PHONE_LIKE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/** The core's clock. It only moves forward: rate-limit buckets and 12-hour sessions count on that. */
let now = localToUtc(SH, 2026, 2, 28, 23, 0);
let core: TestCore;
let chief: TestClient;

/**
 * March 2026 through the booth's and the kiosk's own events: 0301 00:00 first stop of rider A; 0310
 * rider A again (a repeat, fined 50 with a ticket number that starts with '-'); 0315 a motorcycle,
 * fined 20; 0320 saved by mistake and cancelled; 0325 offered on the kiosk, where the rider chose the
 * fine (20); 0331 23:59 rider B, still open. Around it: 0228 23:59 (February) and 0401 00:00 (April).
 * An officer signs in for each stop; the chief signs in at NOW, after the month.
 */
beforeAll(async () => {
  core = await startTestCore({ demo: true, clock: () => now });
  const stop = async (at: number, payload: RequestOf<'helmet:create'>) => {
    now = at;
    const officer = await officerClient(core.url, '900003', '123456');
    return { officer, stop: expectOk(await officer.send('helmet:create', payload)) };
  };
  (await stop(localToUtc(SH, 2026, 2, 28, 23, 59), { vehicle: 'ebike', plate: '鲁PF1111' })).officer.close();
  const a1 = await stop(cst(1, 0, 0), {
    vehicle: 'ebike',
    plate: '鲁P·A1234',
    place: '=SUM(A1:A9)',
    riderName: '张三',
    idNumber: ID_A,
    phone: PHONE,
  });
  expect(a1.stop).toMatchObject({ eligible: true, fineYuan: 20 });
  a1.officer.close();
  const a2 = await stop(cst(10, 9, 0), { vehicle: 'ebike', riderName: '张三', idNumber: ID_A });
  expect(a2.stop).toMatchObject({ eligible: false, priorStops: 1, fineYuan: 50 });
  expectOk(await a2.officer.send('helmet:recordFine', { stopId: a2.stop.id, ticketNo: '-2026031001' }));
  a2.officer.close();
  const moto = await stop(cst(15, 14, 0), { vehicle: 'motorcycle', riderName: '李四', phone: '13987654321' });
  expectOk(await moto.officer.send('helmet:recordFine', { stopId: moto.stop.id, ticketNo: 'CF20260315' }));
  moto.officer.close();
  const mistake = await stop(cst(20, 8, 0), { vehicle: 'ebike', plate: '鲁PC5555' });
  expectOk(await mistake.officer.send('helmet:cancel', { stopId: mistake.stop.id, reason: '录入错误' }));
  mistake.officer.close();
  const offered = await stop(cst(25, 10, 0), { vehicle: 'ebike', phone: '13700001111' });
  const { kiosk } = await pairedKiosk(core.url, offered.officer);
  const shown = kiosk.next('helmet:session');
  expectOk(await offered.officer.send('helmet:offer', { stopId: offered.stop.id }));
  const [session] = await shown;
  expectOk(await kiosk.send('helmet:choose', { sessionId: session.id, choice: 'fine' }));
  expectOk(await offered.officer.send('helmet:recordFine', { stopId: offered.stop.id, ticketNo: 'CF20260325' }));
  kiosk.close();
  offered.officer.close();
  (await stop(cst(31, 23, 59), { vehicle: 'ebike', idNumber: ID_B })).officer.close();
  (await stop(localToUtc(SH, 2026, 4, 1, 0, 0), { vehicle: 'ebike', idNumber: secrets[2]! })).officer.close();
  now = NOW;
  chief = await officerClient(core.url, '900002', '123456');
}, 60_000);
afterAll(async () => {
  chief.close();
  await core.dispose();
});

const bytesOf = (f: ExportFile) => Buffer.from(f.bytes as Uint8Array);
const reportNow = async () => expectOk(await chief.send('reports:month', MONTH));

describe('头盔 figures in 统计报表 and its exports', () => {
  const noSecrets = (text: string) => {
    expect(text).not.toMatch(FULL_ID_PATTERN);
    expect(text).not.toMatch(PHONE_LIKE);
    for (const s of secrets) expect(text).not.toContain(s);
  };

  it('reports:month counts the month by hand', async () => {
    const report = await reportNow();
    expect(report.month.helmet).toEqual({
      stops: 5,
      byVehicle: { ebike: 4, motorcycle: 1 },
      eligible: 4,
      offered: 1,
      chosen: 0,
      completed: 0,
      abandoned: 0,
      fines: 3,
      fineYuan: 90,
      repeatRiders: 1,
      meanMinutesWatched: null,
      quizFirstTryPassPercent: null,
    });
    expect(report.previousMonth.helmet.stops).toBe(1);
    expect(report.sameMonthLastYear.helmet.stops).toBe(0);
    expect(report.year.months.slice(1, 4).map((m) => [m.helmetStops, m.fines])).toEqual([
      [1, 0],
      [5, 3],
      [1, 0],
    ]);
    expect(report.sinceOpening).toMatchObject({ helmetStops: 7, educationsCompleted: 0 });
  });

  it('CSV: the summary and the month’s stop rows agree with the screen; ID and phone masked; neutralised', async () => {
    const report = await reportNow();
    const h = report.month.helmet;
    const file = expectOk(await chief.send('reports:export', { ...MONTH, format: 'csv' }));
    const text = bytesOf(file).toString('utf8').slice(1);
    const rows = parseCsv(text);
    const summary = new Map(csvSection(rows, '月度汇总').map((r) => [r[0], r.slice(1)]));
    expect(summary.get('头盔拦停')).toEqual([String(h.stops), '1', '0']);
    expect(summary.get('拦停车辆·电动自行车')?.[0]).toBe(String(h.byVehicle.ebike));
    expect(summary.get('符合教育条件')?.[0]).toBe(String(h.eligible));
    expect(summary.get('罚款（次）')?.[0]).toBe(String(h.fines));
    expect(summary.get('罚款（元）')?.[0]).toBe(String(h.fineYuan));
    expect(summary.get('测验首次通过率（%）')?.[0]).toBe('');

    const [header, ...stops] = csvSection(rows, '头盔拦停明细');
    const col = (name: string) => header!.indexOf(name);
    expect(header).not.toContain('姓名');
    // Cancelled stops are listed (as 已撤销) but counted nowhere.
    expect(stops).toHaveLength(6);
    const counted = stops.filter((r) => r[col('结果')] !== '已撤销');
    expect(counted).toHaveLength(h.stops);
    expect(counted.filter((r) => r[col('车辆')] === '摩托车')).toHaveLength(h.byVehicle.motorcycle!);
    expect(counted.filter((r) => r[col('符合教育条件')] === '是')).toHaveLength(h.eligible);
    const fined = counted.filter((r) => r[col('结果')] === '罚款');
    expect(fined).toHaveLength(h.fines);
    expect(fined.reduce((sum, r) => sum + Number(r[col('罚款（元）')]), 0)).toBe(h.fineYuan);
    expect(stops.map((r) => r[col('拦停时间')])).toEqual([
      '2026-03-01 00:00:00',
      '2026-03-10 09:00:00',
      '2026-03-15 14:00:00',
      '2026-03-20 08:00:00',
      '2026-03-25 10:00:00',
      '2026-03-31 23:59:00',
    ]);
    const first = stops[0]!;
    expect(first[col('身份证（后四位）')]).toBe(`****${ID_A.slice(-4)}`);
    expect(first[col('手机号（脱敏）')]).toBe('138****5678');
    expect(first[col('号牌（脱敏）')]).toBe('鲁PA***4');
    expect(first[col('地点')]).toBe(`'=SUM(A1:A9)`);
    expect(first[col('民警')]).toBe('900003');
    expect(stops[1]![col('处罚决定书编号')]).toBe(`'-2026031001`);
    expect(stops[1]![col('此前拦停次数')]).toBe('1');
    expect(stops[3]![col('结果')]).toBe('已撤销');
    noSecrets(text);
    expect(text).not.toMatch(/张三|李四|张伟/);
    const audit = core.core.db.prepare('SELECT details FROM audit_log WHERE seq = ?').get(file.auditSeq) as {
      details: string;
    };
    expect(JSON.parse(audit.details)).toMatchObject({ helmetStops: h.stops, helmetRows: 6 });
  });

  it('Excel: the 头盔 sheet lists the stops with real dates and numbers; totals equal the screen', async () => {
    const h = (await reportNow()).month.helmet;
    const file = expectOk(await chief.send('reports:export', { ...MONTH, format: 'xlsx' }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '护送', '头盔']);
    let summaryStops: unknown;
    let summaryYuan: unknown;
    book.getWorksheet('汇总')!.eachRow((r) => {
      if (r.getCell(1).value === '头盔拦停' && summaryStops === undefined) summaryStops = r.getCell(2).value;
      if (r.getCell(1).value === '罚款（元）' && summaryYuan === undefined) summaryYuan = r.getCell(2).value;
    });
    expect([summaryStops, summaryYuan]).toEqual([h.stops, h.fineYuan]);

    const sheet = book.getWorksheet('头盔')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(sheet.rowCount).toBe(1 + 6);
    const rows = Array.from({ length: 6 }, (_, i) => sheet.getRow(i + 2));
    const when = rows[0]!.getCell(col('拦停时间')).value;
    expect(when).toBeInstanceOf(Date);
    expect((when as Date).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect((rows[5]!.getCell(col('拦停时间')).value as Date).toISOString()).toBe('2026-03-31T23:59:00.000Z');
    const counted = rows.filter((r) => r.getCell(col('结果')).value !== '已撤销');
    expect(counted).toHaveLength(h.stops);
    const yuan = counted.map((r) => r.getCell(col('罚款（元）')).value).filter((v) => v !== null);
    expect(yuan.every((v) => typeof v === 'number')).toBe(true);
    expect(yuan).toHaveLength(h.fines);
    expect((yuan as number[]).reduce((a, b) => a + b, 0)).toBe(h.fineYuan);
    expect(rows[1]!.getCell(col('处罚决定书编号')).value).toBe(`'-2026031001`);
    expect(rows[0]!.getCell(col('身份证（后四位）')).value).toBe(`****${ID_A.slice(-4)}`);
    let all = '';
    book.eachSheet((s) => s.eachRow((r) => (all += JSON.stringify(r.values))));
    noSecrets(all);
    expect(all).not.toMatch(/张三|李四/);
  });

  it('the rider’s name appears only when exportPersonNames allows, never the full ID or phone', async () => {
    writeSettings(core.core.db, { exportPersonNames: true });
    onTestFinished(() => void writeSettings(core.core.db, { exportPersonNames: false }));
    const csv = bytesOf(expectOk(await chief.send('reports:export', { ...MONTH, format: 'csv' }))).toString('utf8');
    const [header, ...stops] = csvSection(parseCsv(csv.slice(1)), '头盔拦停明细');
    expect(stops.map((r) => r[header!.indexOf('姓名')])).toEqual(['张三', '张三', '李四', '', '', '']);
    expect(stops[0]![header!.indexOf('民警')]).toBe('张伟(900003)');
    noSecrets(csv);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      bytesOf(expectOk(await chief.send('reports:export', { ...MONTH, format: 'xlsx' }))) as unknown as ArrayBuffer,
    );
    let all = '';
    book.getWorksheet('头盔')!.eachRow((r) => (all += JSON.stringify(r.values)));
    expect(all).toContain('张三');
    noSecrets(all);
  });
});
