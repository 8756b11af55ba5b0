// P5: a month's exports on ten years at 50 × real volume — the XLSX with the month's rows through the
// real socket (generation, audit, transfer), and the PDF printed by Chromium from the report's print
// layout (Playwright page.pdf, as Electron's printToPDF). Baselines are the raw libraries in this run.
import { chromium } from '@playwright/test';
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { startCore } from '../../electron/core/server';
import type { Ack, ExportFile } from '../../shared/contract/index';
import Database from 'better-sqlite3';
import { hashPin } from '../../electron/core/identity/pin';
import { BENCH_PIN, copyBenchDatabase } from '../bench-db';
import { BENCH_MONTH, BENCH_NOW, round2 } from '../report-bench-data';
import { entry, type BenchSuite } from '../types';

const root = resolve(import.meta.dirname, '../..');
const CHIEF = '800001';

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function connect(url: string, auth: Record<string, string>): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
  return new Promise((ok, fail) => {
    socket.once('core:hello', () => ok(socket));
    socket.once('connect_error', fail);
  });
}

const ask = <T>(socket: Socket, name: string, payload: unknown) =>
  socket.timeout(120_000).emitWithAck(name, payload) as Promise<Ack<T>>;

/** The raw library: exceljs writing the same number of rows and columns, plain values, no styles. */
async function rawWorkbook(rows: number, columns: number): Promise<number> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('rows');
  const row = Array.from({ length: columns }, (_, i) => (i % 3 ? `文本${i}` : i));
  for (let i = 0; i < rows; i++) sheet.addRow(row);
  return (await book.xlsx.writeBuffer()).byteLength;
}

const suite: BenchSuite = async ({ quick, workDir, log }) => {
  if (!existsSync(join(root, 'dist-web', 'index.html')))
    throw new Error('P5 prints the built UI: run `npm run build` first');
  // The cached ten-year dataset, plus a station chief to sign in as.
  const file = join(workDir, 'greenpost.db');
  await copyBenchDatabase(quick, file, log);
  const seed = new Database(file);
  seed
    .prepare("INSERT INTO officers (badge, name, role, pin_hash, created_at) VALUES (?, '站长', 'chief', ?, 0)")
    .run(CHIEF, await hashPin(BENCH_PIN));
  seed.close();
  const running = await startCore({
    dataDir: workDir,
    port: 0,
    host: '127.0.0.1',
    demo: false,
    webDir: join(root, 'dist-web'),
    resourcesDir: join(root, 'resources'),
    quiet: true,
    clock: () => BENCH_NOW,
    limits: { eventsPerSecond: 1000, eventBurst: 1000 },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const { db } = running.core;

    const anon = await connect(running.url, {});
    const login = await ask<{ token: string }>(anon, 'auth:login', { badge: CHIEF, pin: BENCH_PIN });
    anon.close();
    if (!login.ok) throw new Error(login.error.message);
    const chief = await connect(running.url, { token: login.value.token });
    const rounds = quick ? 3 : 5;
    const xlsx: number[] = [];
    let xlsxFile: ExportFile | undefined;
    for (let i = 0; i <= rounds; i++) {
      const run = await timed(() => ask<ExportFile>(chief, 'reports:export', { ...BENCH_MONTH, format: 'xlsx' }));
      // A failing export is a failed figure, not a reason to skip the PDF's.
      if (!run.value.ok) {
        log(`XLSX export failed: ${run.value.error.code} ${run.value.error.message}`);
        break;
      }
      xlsxFile = run.value.value;
      if (i > 0) xlsx.push(run.ms); // the first run warms the JIT
    }
    chief.close();
    const rowCount = (
      db
        .prepare('SELECT COUNT(*) AS n FROM escorts WHERE requested_at >= ? AND requested_at < ?')
        .get(Date.UTC(2026, 8, 30, 16), Date.UTC(2026, 9, 31, 16)) as { n: number }
    ).n;
    if (xlsxFile) log(`XLSX: ${rowCount} rows, ${((xlsxFile.bytes as Buffer).byteLength / 1024).toFixed(0)} KB`);
    const raw: number[] = [];
    for (let i = 0; i <= rounds; i++) {
      const run = await timed(() => rawWorkbook(rowCount, 17));
      if (i > 0) raw.push(run.ms);
    }

    const page = await browser.newPage({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    // The browser print dialog would block; page.pdf() stands in for it, as it does for Electron's printToPDF.
    await page.addInitScript(() => {
      const w = globalThis as unknown as { print(): void; __printed?: number };
      w.print = () => void (w.__printed = (w.__printed ?? 0) + 1);
    });
    await page.goto(running.url);
    const blank = await timed(() => page.pdf({ format: 'A4' }));
    await page.getByLabel('警号').fill(CHIEF);
    await page.getByLabel('密码').fill(BENCH_PIN);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('menuitem', { name: '统计报表' }).click();
    await page.getByTestId('chart-hour').waitFor();
    await page.getByRole('button', { name: '上个月' }).click();
    await page.getByTestId('chart-compare').getByText('2026-10').first().waitFor();
    const pdfs: number[] = [];
    let pdfBytes = 0;
    for (let i = 0; i < (quick ? 2 : 3); i++) {
      const run = await timed(async () => {
        const t0 = performance.now();
        await page.getByRole('button', { name: '导出 PDF' }).click();
        await page.waitForFunction((n) => (globalThis as unknown as { __printed?: number }).__printed === n, i + 1);
        const t1 = performance.now();
        const bytes = await page.pdf({ format: 'A4', printBackground: true });
        log(
          `PDF run ${i + 1}: layout ready ${(t1 - t0).toFixed(0)} ms, Chromium print ${(performance.now() - t1).toFixed(0)} ms`,
        );
        return bytes;
      });
      pdfBytes = run.value.byteLength;
      pdfs.push(run.ms);
    }
    log(`PDF: ${(pdfBytes / 1024).toFixed(0)} KB`);
    const xlsxMs = xlsx.length ? median(xlsx) : NaN;
    const pdfMs = median(pdfs);
    return [
      entry({
        id: 'P5.xlsx',
        name: "the month's XLSX with its rows (socket round trip, audited)",
        value: round2(xlsxMs),
        unit: 'ms',
        baseline: round2(median(raw)),
        goal: '≤ 1000 ms',
        pass: xlsx.length > 0 && xlsxMs <= 1000,
      }),
      entry({
        id: 'P5.pdf',
        name: "the month's PDF from the print layout (stamp, draw, Chromium print)",
        value: round2(pdfMs),
        unit: 'ms',
        baseline: round2(blank.ms),
        goal: '≤ 3000 ms',
        pass: pdfMs <= 3000,
      }),
    ];
  } finally {
    await browser.close();
    await running.close();
  }
};

export default suite;
