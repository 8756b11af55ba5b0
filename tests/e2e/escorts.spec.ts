import type { WebSocketRoute } from '@playwright/test';
import { closeBoothPages, officerPage } from './booth-pages';
import { expect as baseExpect, test } from './fixtures';

// Booths share a small machine with the core: give visible state a little longer than the default.
const expect = baseExpect.configure({ timeout: 30_000 });

// Demo accounts, and one year of history behind the board's counters (five would only slow the start).
test.use({ demoYears: 1 });
test.describe.configure({ timeout: 180_000 });

test.afterEach(closeBoothPages);

test('one officer opens an escort with only a plate and steps it through; the other sees every step live', async ({
  browser,
  core,
}) => {
  const zhang = await officerPage(browser, core.url, '900003');
  const liu = await officerPage(browser, core.url, '900004');
  const plate = '鲁PD86420';

  await zhang.getByRole('button', { name: '新建护送' }).click();
  const plateField = zhang.getByLabel('车牌号');
  await expect(plateField).toHaveValue('鲁P');
  await plateField.fill(plate);
  await zhang.getByRole('button', { name: '保存' }).click();

  const mine = zhang.getByRole('region', { name: plate });
  const theirs = liu.getByRole('region', { name: plate });
  await expect(mine).toBeVisible();
  await expect(theirs).toBeVisible();
  await expect(theirs.getByRole('timer')).toHaveText(/^\d\d:\d\d$/);

  for (const [step, next] of [
    ['会合', '出发'],
    ['出发', '到达'],
    ['到达', '交接'],
  ] as const) {
    await mine.getByRole('button', { name: step, exact: true }).click();
    await expect(mine.getByRole('button', { name: next, exact: true })).toBeVisible();
    // The other officer's screen follows without a reload.
    await expect(theirs.getByRole('button', { name: next, exact: true })).toBeVisible();
  }
  await mine.getByRole('button', { name: '交接', exact: true }).click();
  await expect(mine).toHaveCount(0);
  await expect(theirs).toHaveCount(0);
  await expect(liu.getByRole('list', { name: '今日已结束' }).getByRole('button', { name: plate })).toBeVisible();

  // History: the timeline shows each step with its time and officer.
  await liu.getByRole('tab', { name: '历史记录' }).click();
  await liu.getByLabel('车牌号').fill(plate);
  await liu.getByRole('button', { name: '查询' }).click();
  await liu.getByRole('cell', { name: plate }).click();
  const timeline = liu.getByRole('region', { name: '时间线' });
  for (const step of ['接报', '会合', '出发', '到达', '交接']) {
    await expect(
      timeline.getByText(new RegExp(`^${step} \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} · 张伟 900003$`)),
    ).toBeVisible();
  }
  await expect(liu.getByRole('region', { name: '间隔' })).toContainText('接报→交接');
  await expect(liu.getByText('审计记录')).toBeVisible();
});

test('bad input is refused in words, a duplicate plate asks first, and 取消 needs a reason', async ({
  browser,
  core,
}) => {
  const zhang = await officerPage(browser, core.url, '900003');
  const liu = await officerPage(browser, core.url, '900004');

  await zhang.getByRole('button', { name: '新建护送' }).click();
  await zhang.getByLabel('车牌号').fill('鲁P12O45');
  await zhang.getByRole('button', { name: '保存' }).click();
  await expect(zhang.getByText('含字母 I 或 O')).toBeVisible();
  // Only the serial typed: the post's prefix 鲁P is implied.
  await zhang.getByLabel('车牌号').fill('97531');
  await zhang.getByRole('button', { name: '保存' }).click();
  await expect(zhang.getByRole('region', { name: '鲁P97531' })).toBeVisible();

  // The same plate again within 10 minutes: a warning, then allowed on confirmation.
  await liu.keyboard.press('n');
  await liu.getByLabel('车牌号').fill('鲁P97531');
  await liu.getByRole('button', { name: '保存' }).click();
  await expect(liu.getByRole('alert').filter({ hasText: '已有一条进行中的护送' })).toBeVisible();
  await liu.getByRole('button', { name: '仍然新建' }).click();
  await expect(liu.getByRole('region', { name: '鲁P97531' })).toHaveCount(2);
  await expect(zhang.getByRole('region', { name: '鲁P97531' })).toHaveCount(2);

  // 取消 needs a reason; the card leaves both boards.
  const first = zhang.getByRole('region', { name: '鲁P97531' }).first();
  await first.getByRole('button', { name: '取消', exact: true }).click();
  await zhang.getByRole('button', { name: '确认取消护送' }).click();
  await expect(zhang.getByText('请填写取消原因')).toBeVisible();
  await zhang.getByLabel('取消原因').fill('重复登记');
  await zhang.getByRole('button', { name: '确认取消护送' }).click();
  await expect(zhang.getByRole('region', { name: '鲁P97531' })).toHaveCount(1);
  await expect(liu.getByRole('region', { name: '鲁P97531' })).toHaveCount(1);
});

test('keyboard: N opens 新建护送, Enter advances the selected escort', async ({ browser, core }) => {
  const zhang = await officerPage(browser, core.url, '900003');
  await zhang.keyboard.press('n');
  await zhang.getByLabel('车牌号').fill('鲁A12345');
  await zhang.getByLabel('车牌号').press('Enter');
  const card = zhang.getByRole('region', { name: '鲁A12345' });
  await expect(card.getByRole('button', { name: '会合', exact: true })).toBeVisible();
  // The dialog hands focus back as it closes: the shortcut is for the board, so wait for it to be gone.
  await expect(zhang.getByRole('dialog')).toHaveCount(0);
  await expect(card).toHaveClass(/is-selected/);
  await zhang.locator('body').press('Enter');
  await expect(card.getByRole('button', { name: '出发', exact: true })).toBeVisible();
});

test('a screen that lost its connection catches up on reconnect without a reload', async ({ browser, core }) => {
  // Liu's socket goes through a route the test can cut, as a flaky booth network would.
  let offline = false;
  const links: WebSocketRoute[] = [];
  const liu = await officerPage(browser, core.url, '900004', (page) =>
    page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (offline) return void ws.close();
      ws.connectToServer();
      links.push(ws);
    }),
  );
  const zhang = await officerPage(browser, core.url, '900003');
  offline = true;
  for (const ws of links.splice(0)) await ws.close();
  await expect(liu.getByText('连接已断开')).toBeVisible();

  await zhang.getByRole('button', { name: '新建护送' }).click();
  await zhang.getByLabel('车牌号').fill('鲁P24680');
  await zhang.getByRole('button', { name: '保存' }).click();
  const mine = zhang.getByRole('region', { name: '鲁P24680' });
  await mine.getByRole('button', { name: '会合', exact: true }).click();
  await expect(mine.getByRole('button', { name: '出发', exact: true })).toBeVisible();
  await expect(liu.getByRole('region', { name: '鲁P24680' })).toHaveCount(0);

  offline = false;
  const card = liu.getByRole('region', { name: '鲁P24680' });
  await expect(card.getByRole('button', { name: '出发', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(liu.getByText('连接已断开')).toHaveCount(0);
  // Live again, and still one card: the resync and the pushes do not duplicate it.
  await mine.getByRole('button', { name: '出发', exact: true }).click();
  await expect(card.getByRole('button', { name: '到达', exact: true })).toBeVisible();
  await expect(card).toHaveCount(1);
});
