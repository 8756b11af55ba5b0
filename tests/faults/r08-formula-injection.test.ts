import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ExportFile } from '../../shared/contract/reports';
import { parseCsv } from '../helpers/parse-csv';
import { expectOk, officerClient, startTestCore, type TestClient, type TestCore } from '../helpers/test-core';
import { figure } from './scale';

/** Formula-injection payloads (OWASP "CSV injection"), including the ones a CSV importer strips to reveal. */
const PAYLOADS = [`=cmd|' /C calc'!A0`, '+1+1', '-2+3', '@SUM(A1)', '\t=1+2', '\r=3+4'];
/** What a cell starting with one of these does in Excel or WPS: runs it. */
const DANGEROUS = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

const NOW = Date.parse('2026-03-15T04:00:00Z');
let core: TestCore;
let admin: TestClient;
let officer: TestClient;
let chief: TestClient;
beforeAll(async () => {
  core = await startTestCore({ demo: true, clock: () => NOW, limits: { eventsPerSecond: 1e6, eventBurst: 1e6 } });
  admin = await officerClient(core.url, '900001', '123456');
  officer = await officerClient(core.url, '900003', '123456');
  chief = await officerClient(core.url, '900002', '123456');
});
afterAll(async () => {
  admin.close();
  officer.close();
  chief.close();
  await core.dispose();
});

/** Every text cell of both files, as a spreadsheet would read it. */
async function cellsOf(csv: ExportFile, xlsx: ExportFile): Promise<{ csv: string[]; xlsx: string[]; formulas: number }> {
  const csvCells = parseCsv(Buffer.from(csv.bytes as Uint8Array).toString('utf8').replace(/^\uFEFF/, '')).flat();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(xlsx.bytes as Uint8Array) as unknown as ArrayBuffer);
  const xlsxCells: string[] = [];
  let formulas = 0;
  book.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas++;
        if (typeof cell.value === 'string') xlsxCells.push(cell.value);
      }),
    ),
  );
  return { csv: csvCells, xlsx: xlsxCells, formulas };
}

it('R8: formula-injection payloads in every free-text field come out neutralised in CSV and XLSX', async () => {
  expectOk(await admin.send('settings:update', { exportPersonNames: true }));
  const fields = ['岗位名称 postName', '民警姓名 officer name', '接力自 relayFrom', '会合地点 meetPoint', '备注 notes', '无牌原因 noPlateReason', '取消原因 cancel reason', '修改原因 edit reason', '头盔 地点 place', '头盔 姓名 riderName', '特批理由 override reason', '头盔 取消理由 cancel reason'];
  let reached = 0;
  let checkedCells = 0;
  for (const [i, payload] of PAYLOADS.entries()) {
    // What a cell holds once the schema has trimmed the payload (tab and CR go; what they hid stays).
    const stored = payload.trim();
    expectOk(await admin.send('settings:update', { postName: payload }));
    const crew = expectOk(await admin.send('officers:create', { badge: `80000${i}`, name: payload, role: 'officer', pin: '12345678' }));
    const escort = expectOk(
      await officer.send('escort:create', {
        plate: '无牌',
        noPlateReason: payload,
        meetPoint: payload,
        relayFrom: payload,
        notes: '待补充',
        officerIds: [3, crew.id],
      }),
    );
    const edited = expectOk(await officer.send('escort:edit', { id: escort.id, version: escort.version, reason: `${payload} 修改`, changes: { notes: payload } }));
    // Cancelled, so closed: a row of the 护送明细 too, with the crew's names.
    const other = expectOk(await officer.send('escort:create', { plate: '无牌', noPlateReason: payload, meetPoint: payload, officerIds: [3, crew.id] }));
    expectOk(await officer.send('escort:cancel', { id: other.id, version: other.version, reason: payload.length >= 2 ? payload : `${payload}x` }));
    expect(edited.notes).toBe(stored);
    const stop = expectOk(await officer.send('helmet:create', { vehicle: 'ebike', phone: `1381234000${i}`, place: payload, riderName: payload }));
    const repeat = expectOk(await officer.send('helmet:create', { vehicle: 'ebike', phone: `1381234000${i}` }));
    expectOk(await officer.send('helmet:override', { stopId: repeat.id, reason: `${payload} 特批` }));
    expectOk(await officer.send('helmet:cancel', { stopId: stop.id, reason: `${payload} 取消` }));

    const csv = expectOk(await chief.send('reports:export', { year: 2026, month: 3, format: 'csv' }));
    const xlsx = expectOk(await chief.send('reports:export', { year: 2026, month: 3, format: 'xlsx' }));
    const cells = await cellsOf(csv, xlsx);
    expect(cells.formulas).toBe(0);
    for (const cell of [...cells.csv, ...cells.xlsx]) if (!NUMBER.test(cell)) expect(cell).not.toMatch(DANGEROUS);
    checkedCells += cells.csv.length + cells.xlsx.length;
    // The payload did reach the files (post name, the crew's names, 接力自), as plain text behind an apostrophe.
    for (const all of [cells.csv, cells.xlsx]) {
      const hits = all.filter((c) => c.includes(`'${stored}`));
      expect(hits.length).toBeGreaterThanOrEqual(3);
      reached += hits.length;
    }
    // And never bare: no cell holds the payload as a formula a spreadsheet would run.
    for (const cell of [...cells.csv, ...cells.xlsx]) expect(cell.startsWith(stored)).toBe(false);
    // The 护送明细 (a clerk's import) carries the crew's names and the cancelled escort: the same guard.
    const listCsv = expectOk(await chief.send('reports:exportEscortList', { year: 2026, month: 3, format: 'csv' }));
    const listXlsx = expectOk(await chief.send('reports:exportEscortList', { year: 2026, month: 3, format: 'xlsx' }));
    const list = await cellsOf(listCsv, listXlsx);
    expect(list.formulas).toBe(0);
    for (const cell of [...list.csv, ...list.xlsx]) if (!NUMBER.test(cell)) expect(cell).not.toMatch(DANGEROUS);
    // There the payload follows 张伟(900003)、 in the 民警 cell: inside a cell, never at its start.
    expect(list.csv.some((c) => c.includes(stored))).toBe(true);
    checkedCells += list.csv.length + list.xlsx.length;
  }
  figure('R8', `${PAYLOADS.length} formula payloads × ${fields.length} free-text fields → ${checkedCells} exported cells checked in CSV and XLSX (month report and 护送明细): 0 start with = + - @ tab CR, 0 formula cells; ${reached} cells carrying a payload, all neutralised with a leading apostrophe`);
}, 120_000);
