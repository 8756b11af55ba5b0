import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, login, pairKiosk, test } from './fixtures';
import { call, officerSocket } from './protocol';

// Smaller things a new user hit (issue 16, item 9): words said twice, a figure without its unit, a
// repeat rider without when and where the first stop was.

test.use({ demoYears: 1 });

/** Two stops of one rider (same phone) through the protocol, as a second booth would make them. */
async function repeatRider(url: string, phone: string) {
  const officer = await officerSocket(url);
  const first = await call(officer, 'helmet:create', { vehicle: 'ebike', phone, place: '东昌路口' });
  await call(officer, 'helmet:cancel', { stopId: first.value.id, reason: '测试：误登记' });
  await call(officer, 'helmet:create', { vehicle: 'ebike', phone, place: '柳园路口' });
  const second = await call(officer, 'helmet:create', { vehicle: 'ebike', phone });
  officer.close();
  return second.value;
}

test('a repeat rider’s row says when and where the last stop was; 数据保留 names each figure once; the interval KPI has its unit', async ({
  page,
  core,
}) => {
  const stop = await repeatRider(core.url, '13712345678');
  await login(page, core.url, '900001');
  await page.getByRole('menuitem', { name: '头盔教育' }).click();
  // The cancelled stop does not count; the other, at 柳园路口, is the one named.
  await expect(page.getByTestId(`previous-stop-${String(stop.id)}`)).toHaveText(/^上次：\d{2}:\d{2} · 柳园路口$/);
  await expect(page.getByRole('row').filter({ has: page.getByTestId(`previous-stop-${String(stop.id)}`) })).toContainText(
    '12 个月内第 2 次',
  );
  await page.screenshot({ path: 'test-results/screens/helmet-repeat-rider-1366.png' });

  // 按号牌查找 reaches back past the live list's 24 hours: the demo's oldest stop with a plate.
  const db = new Database(join(core.dataDir, 'greenpost.db'), { readonly: true });
  const oldest = db.prepare('SELECT plate FROM helmet_stops WHERE plate IS NOT NULL ORDER BY stopped_at LIMIT 1').get() as { plate: string };
  db.close();
  await page.getByRole('searchbox', { name: '查找全部日期的查处' }).fill(oldest.plate);
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page.getByRole('status')).toContainText(`号牌含「${oldest.plate}」的查处`);
  await expect(page.getByRole('row', { name: new RegExp(oldest.plate) }).first()).toContainText(/\d{4}-\d{1,2}-\d{1,2}/);
  await page.getByRole('button', { name: '返回近 24 小时' }).click();
  await expect(page.getByRole('status')).toHaveCount(0);

  await page.getByRole('menuitem', { name: '管理' }).click();
  await page.getByRole('tab', { name: '数据保留' }).click();
  const pending = page.locator('.ant-descriptions-row').filter({ hasText: '待清除' });
  await expect(pending).toHaveText(/^待清除\s*(\d+ 条|头盔查处数据表尚未建立.*)$/);
  await expect(page.getByText('待清除', { exact: false })).toHaveCount(1);

  await page.getByRole('menuitem', { name: '统计报表' }).click();
  const interval = page.getByTestId('headline-接报→交接 中位数');
  await expect(interval.locator('.ant-statistic-content')).toContainText(/\d+(\.\d)? ?分钟/);
  await expect(interval.locator('.report-compare')).toContainText('分钟');
});

test('a paired kiosk is renamed from 配对教育屏, and the new name is what the kiosk list says', async ({ page, browser, core }) => {
  await login(page, core.url, '900003');
  const kiosk = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true })).newPage();
  await pairKiosk(page, kiosk, core.kioskUrl);
  await page.getByRole('button', { name: '配对教育屏' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '重命名' }).first().click();
  const field = dialog.getByRole('textbox').last();
  await field.fill('西门平板');
  await field.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('已改名为「西门平板」');
  await expect(dialog.getByRole('listitem').first()).toContainText('西门平板');
  await kiosk.context().close();
});

test.describe('a production core (no --demo)', () => {
  test.use({ demo: false });

  test('设置 has no 测试专用视频 and 内容 does not list the tests’ clip', async ({ page, core }) => {
    await page.goto(core.url);
    await page.getByLabel('警号').fill('100001');
    await page.getByLabel('姓名').fill('赵管理');
    await page.getByLabel('密码', { exact: true }).fill('first-admin-pin');
    await page.getByLabel('确认密码').fill('first-admin-pin');
    await page.getByRole('button', { name: '创建管理员' }).click();
    await page.getByRole('menuitem', { name: '管理' }).click();
    await page.getByRole('tab', { name: '设置' }).click();
    await expect(page.getByLabel('每日备份时间')).toBeVisible();
    await expect(page.getByText('测试专用视频')).toHaveCount(0);
    await page.getByRole('tab', { name: '内容' }).click();
    await expect(page.getByRole('row', { name: /头盔/ }).first()).toBeVisible();
    await expect(page.getByText('测试专用')).toHaveCount(0);
  });
});
