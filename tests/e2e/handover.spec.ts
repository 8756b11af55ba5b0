import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { closeBoothPages, officerPage } from './booth-pages';
import { expect as baseExpect, serveCore, stopCore, test, type ServedCore } from './fixtures';
import { call, officerSocket } from './protocol';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });
test.afterEach(closeBoothPages);

/** Screens of this spec (SHOTS_DIR=/tmp/shots-handover to look at them by hand). */
const shots = process.env.SHOTS_DIR ?? join('test-results', 'screens');

/** The core's wall clock (faketime): late in a day shift (08:00–20:00), far from its edges. */
const AT = '2026-03-10T18:30:00+08:00';

test('two officers hand over with an open escort taken over; the record prints as an A4 PDF in Chinese', async ({
  browser,
}) => {
  const core = await serveCore({ demo: true, wallClock: AT });
  try {
    await handOverAndPrint(browser, core);
  } finally {
    await stopCore(core);
  }
});

async function handOverAndPrint(browser: Browser, core: ServedCore) {
  mkdirSync(shots, { recursive: true });
  // An escort still on the road at the shift's end, and one finished within it.
  const other = await officerSocket(core.url, '900003');
  const open = await call(other, 'escort:create', { plate: '鲁PH2468', condition: 'stroke' });
  expect(open.ok).toBe(true);
  // Logged after the fact, minutes before the core's start: within the shift.
  const ago = (min: number) => Date.parse(AT) - min * 60_000;
  const done = await call(other, 'escort:create', {
    plate: '鲁PK1357',
    times: { requested: ago(4), met: ago(3), departed: ago(2.5), arrived: ago(2), handedOver: ago(1) },
  });
  expect(done.ok).toBe(true);
  other.close();

  const zhang = await officerPage(browser, core.url, '900003', async (page) => {
    // The browser's print dialog would block the test: window.print only counts its calls.
    await page.addInitScript(() => {
      const w = window as unknown as { print(): void; __printed?: number };
      w.print = () => void (w.__printed = (w.__printed ?? 0) + 1);
    });
  });
  const openHandover = async () => {
    // From the officer's own menu, under their name (beside 修改密码).
    await zhang.getByRole('button', { name: '张伟 · 900003 · 民警' }).click();
    await zhang.getByRole('menuitem', { name: '交接班' }).click();
  };
  await openHandover();
  const openList = zhang.getByTestId('handover-open');
  await expect(openList).toContainText('鲁PH2468');
  await expect(zhang.getByRole('cell', { name: '鲁PK1357' })).toBeVisible();
  await expect(zhang.getByTestId('handover-figures')).toContainText('本班 2 起');
  await zhang.screenshot({ path: join(shots, 'handover-draft-1366.png') });
  await zhang.setViewportSize({ width: 1920, height: 1080 });
  await zhang.screenshot({ path: join(shots, 'handover-draft-1920.png') });
  await zhang.setViewportSize({ width: 1366, height: 768 });

  // Not ticked: the screen asks for every open escort to be taken over before asking the core.
  await zhang.getByLabel('接班民警警号').fill('900004');
  await zhang.getByLabel('接班民警密码').fill('654321');
  await zhang.getByLabel('交班民警密码（张伟）').fill('123456');
  await zhang.getByRole('button', { name: '确认交接' }).click();
  await expect(zhang.getByText('请逐一勾选接管全部进行中的护送')).toBeVisible();
  await openList.getByRole('checkbox', { name: '由接班民警接管' }).check();
  await zhang.getByLabel('交接备注').fill('东门施工，救护车改走北门');
  // A wrong PIN of the incoming officer: refused by the core, in words, and nothing is signed.
  await zhang.getByRole('button', { name: '确认交接' }).click();
  await expect(zhang.getByRole('alert')).toContainText('接班民警 刘洋（900004）：密码错误（还可尝试 4 次）');
  await zhang.getByLabel('接班民警密码').fill('123456');
  await zhang.getByLabel('交班民警密码（张伟）').fill('123456');
  await zhang.getByRole('button', { name: '确认交接' }).click();
  await expect(zhang.getByRole('status')).toContainText('交接完成：张伟 → 刘洋');
  const record = zhang.getByTestId('handover-record');
  await expect(record).toContainText('刘洋（900004）');
  await expect(record).toContainText('已接管 1 起进行中的护送');
  await expect(record.getByTestId('handover-open')).toContainText('张伟、刘洋');
  await zhang.screenshot({ path: join(shots, 'handover-signed-1366.png') });
  await zhang.setViewportSize({ width: 1920, height: 1080 });
  await zhang.screenshot({ path: join(shots, 'handover-signed-1920.png') });

  // The taken-over escort shows the incoming officer on its crew on the board too.
  await zhang.getByRole('menuitem', { name: '绿色通道' }).click();
  await expect(zhang.getByRole('region', { name: '鲁PH2468' })).toContainText('刘洋');
  await openHandover();

  // The list by day has it (the core's day, not the browser's today); the row opens the record, which prints.
  await zhang.getByRole('tab', { name: '交接记录' }).click();
  const day = zhang.getByLabel('日期');
  await day.click();
  await day.fill('2026-03-10');
  await day.press('Enter');
  const row = zhang.getByRole('cell', { name: '刘洋 900004' });
  await expect(row).toBeVisible();
  await zhang.screenshot({ path: join(shots, 'handover-history-1920.png') });
  await row.click();
  const drawer = zhang.locator('.ant-drawer');
  await expect(drawer.getByTestId('handover-record')).toContainText('东门施工，救护车改走北门');
  await drawer.getByRole('button', { name: '打印' }).click();
  await zhang.waitForFunction(() => (window as unknown as { __printed?: number }).__printed === 1);
  await expect(drawer.getByRole('status')).toContainText('已打开打印对话框');
  await expect(zhang.getByTestId('print-audit')).toHaveText(/审计链：第 \d+ 条，哈希 [0-9a-f]{64}/);

  await zhang.emulateMedia({ media: 'print' });
  await expect(zhang.getByTestId('handover-print')).toBeVisible();
  await zhang.screenshot({ path: join(shots, 'handover-print-screen.png'), fullPage: true });
  const pdf = await zhang.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pdfFile = join(shots, 'handover.pdf');
  writeFileSync(pdfFile, pdf);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const words of [
    '交接班记录',
    '交班民警：张伟（900003）',
    '接班民警：刘洋（900004）',
    '鲁PH2468',
    '鲁PK1357',
    '东门施工，救护车改走北门',
    '手写签名：',
    '第1页，共1页',
  ])
    expect(text).toContain(words);
  // Only the print layout is printed: not the app, nor the drawer it was printed from.
  for (const words of ['已打开打印对话框', '退出登录', '统计截至']) expect(text).not.toContain(words);

  // The print is in the audit chain, after the signature and the take-over.
  const db = new Database(join(core.dataDir, 'greenpost.db'), { readonly: true });
  const actions = db
    .prepare(
      `SELECT action FROM audit_log WHERE action IN ('handover.sign', 'escort.takeOver', 'handover.print') ORDER BY seq`,
    )
    .all() as { action: string }[];
  db.close();
  expect(actions.map((a) => a.action)).toEqual(['escort.takeOver', 'handover.sign', 'handover.print']);
}
