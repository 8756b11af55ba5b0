import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { periodsAt } from '../../shared/domain/time';
import { insertEscort } from '../helpers/report-fixtures';
import { closeBoothPages, officerPage } from './booth-pages';
import { expect as baseExpect, serveCore, stopCore, test } from './fixtures';

// The board's guards against a slip of the finger (issue 16, items 4–6): a repeated Enter, 撤销上一步,
// filling in a running escort, and 今日已结束 showing when each escort closed, all of them.

const expect = baseExpect.configure({ timeout: 30_000 });
test.use({ demoYears: 1 });
test.describe.configure({ timeout: 180_000 });

test.afterEach(closeBoothPages);

async function newEscort(page: Page, plate: string) {
  await page.getByRole('button', { name: '新建护送' }).click();
  await page.getByLabel('车牌号').fill(plate);
  await page.getByRole('button', { name: '保存' }).click();
  const card = page.getByRole('region', { name: plate });
  await expect(card).toBeVisible();
  return card;
}

test('four quick Enters record one step; 撤销 takes it back on both screens; Enter works again after the gap', async ({
  browser,
  core,
}) => {
  const zhang = await officerPage(browser, core.url, '900003');
  const liu = await officerPage(browser, core.url, '900004');
  const plate = '鲁PG24680';
  const mine = await newEscort(zhang, plate);
  const theirs = liu.getByRole('region', { name: plate });

  await mine.getByRole('button', { name: '会合', exact: true }).click();
  await expect(mine.locator('.ant-tag').first()).toHaveText('会合');
  // The board's keys, not the focused button's: four Enters as fast as a hand can.
  await zhang.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < 4; i++) await zhang.keyboard.press('Enter');
  await expect(mine.getByRole('button', { name: '出发', exact: true })).toBeDisabled();
  await expect(mine.getByText(/\d 秒后可按下一步/)).toBeVisible();
  await expect(mine.locator('.ant-tag').first()).toHaveText('会合');
  await expect(theirs.locator('.ant-tag').first()).toHaveText('会合');

  // 撤销「会合」: back to 接报 here and on the other booth.
  await mine.getByRole('button', { name: '撤销「会合」' }).click();
  await expect(mine.getByRole('button', { name: '会合', exact: true })).toBeVisible();
  await expect(mine.locator('.ant-tag').first()).toHaveText('接报');
  await expect(theirs.getByRole('button', { name: '会合', exact: true })).toBeVisible();
  await expect(mine.getByRole('button', { name: /^撤销/ })).toHaveCount(0);

  // Pressed again, then once the guard is over one Enter is one step.
  await mine.getByRole('button', { name: '会合', exact: true }).click();
  await expect(mine.getByRole('button', { name: '出发', exact: true })).toBeEnabled({ timeout: 15_000 });
  await zhang.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await zhang.keyboard.press('Enter');
  await expect(mine.locator('.ant-tag').first()).toHaveText('出发');
  await expect(theirs.locator('.ant-tag').first()).toHaveText('出发');
  await expect(mine.getByRole('button', { name: '撤销「出发」' })).toBeVisible();
});

test('a running escort opens from its plate and is filled in while it runs, no reason asked', async ({
  browser,
  core,
}) => {
  const zhang = await officerPage(browser, core.url, '900003');
  const liu = await officerPage(browser, core.url, '900004');
  const plate = '鲁PG13579';
  const mine = await newEscort(zhang, plate);
  await mine.getByRole('button', { name: '会合', exact: true }).click();

  await mine.getByRole('button', { name: `查看 / 补充 ${plate}` }).click();
  const drawer = zhang.getByRole('dialog', { name: new RegExp(`护送详情 · ${plate}`) });
  await expect(drawer).toBeVisible();
  await drawer.getByRole('button', { name: '修改' }).click();
  const edit = zhang.getByRole('dialog', { name: '补充 / 修改进行中的护送' });
  await expect(edit).toBeVisible();
  await expect(edit.getByLabel('修改原因（只补充空白项时可不填）')).toBeVisible();
  await edit.getByText('胸痛中心', { exact: true }).click();
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(drawer.getByText('胸痛中心')).toBeVisible();
  await zhang.keyboard.press('Escape');
  await expect(mine.getByText(/胸痛中心/)).toBeVisible();
  await expect(liu.getByRole('region', { name: plate }).getByText(/胸痛中心/)).toBeVisible();
  // Still running: the step button is the next one, not gone.
  await expect(mine.getByRole('button', { name: '出发', exact: true })).toBeVisible();
});

test('今日已结束 names each escort by when and how it closed, and shows all of them', async ({ browser }) => {
  test.slow(); // two core starts
  const first = await serveCore({ demo: true, demoYears: 1 });
  await stopCore(first, true);
  const now = Date.now();
  const dayStart = periodsAt(now, 'Asia/Shanghai').day.start;
  const db = new Database(join(first.dataDir, 'greenpost.db'));
  // Fourteen closed in the last minutes (never before today's midnight), one with a known 接报 and 交接.
  const closeAt = (i: number) => Math.max(dayStart, now - (i + 1) * 1000);
  db.transaction(() => {
    for (let i = 0; i < 14; i++) {
      const requestedAt = closeAt(i) - 17 * 60_000;
      insertEscort(db, { requestedAt, met: 4, departed: 5, arrived: 15, handedOver: 17, plate: `鲁PK${10000 + i}` });
    }
  })();
  db.close();
  const core = await serveCore({ dataDir: first.dataDir });
  try {
    const page = await officerPage(browser, core.url, '900003');
    const list = page.getByRole('list', { name: '今日已结束' });
    const total = Number(/共 (\d+) 条/.exec((await page.getByText(/^共 \d+ 条$/).textContent())!)![1]);
    expect(total).toBeGreaterThanOrEqual(14);
    await expect(list.getByRole('listitem')).toHaveCount(12);
    await page.getByRole('button', { name: `显示全部 ${total} 条` }).click();
    await expect(list.getByRole('listitem')).toHaveCount(total);

    const hhmm = (ms: number) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
    const row = list.getByRole('listitem').filter({ hasText: '鲁PK10003' });
    await expect(row.locator('.ant-tag')).toHaveText(`交接 ${hhmm(closeAt(3))}`);
    await expect(row).toContainText('17分00秒');
    await page.getByRole('button', { name: '收起' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(12);
  } finally {
    await stopCore(core);
  }
});
