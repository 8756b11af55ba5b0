import type { Browser, Page } from '@playwright/test';
import { startPgCluster, type PgCluster } from '../../scripts/pg-cluster';
import { tcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { expect, login, serveCore, stopCore, test, type ServedCore } from './fixtures';
import { newStop } from './helmet-flow';
import { call, officerSocket } from './protocol';

// The city tier as its users meet it: a city server on a throwaway PostgreSQL and two posts, each
// enrolled by its admin under 管理 with the code the city admin handed out. Post B reaches the city
// through a relay the test can cut, as a post's line goes down.
let pg: PgCluster;
let city: ServedCore;
let posts: ServedCore[];
let relay: TcpProxy;

test.beforeAll(async () => {
  pg = await startPgCluster();
  [city, ...posts] = await Promise.all([
    serveCore({ demo: true, pg: pg.url }),
    serveCore({ demo: true }),
    serveCore({ demo: true }),
  ]);
  relay = await tcpProxy(city.url);
});
test.afterAll(async () => {
  await relay?.close();
  for (const c of [...(posts ?? []), city]) if (c) await stopCore(c);
  pg?.dispose();
});

async function page(browser: Browser, url: string, badge: string, viewport = { width: 1366, height: 768 }) {
  const p = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport })).newPage();
  await login(p, url, badge);
  return p;
}

/** The header's word on the city link (the 全市联网 tab shows the same tag). */
const linkTag = (booth: Page) => booth.getByRole('banner').getByTestId('link-status');

async function createPost(cityAdmin: Page, name: string): Promise<string> {
  await cityAdmin.getByLabel('岗位名称').fill(name);
  await cityAdmin.getByRole('button', { name: '新建岗位' }).click();
  const created = cityAdmin.getByRole('status').filter({ hasText: `已新建「${name}」` });
  await expect(created).toBeVisible();
  return /登记码 (\d{8})/.exec((await created.textContent()) ?? '')![1]!;
}

async function enrol(postAdmin: Page, cityUrl: string, code: string) {
  await postAdmin.getByRole('menuitem', { name: '管理' }).click();
  await postAdmin.getByRole('tab', { name: '全市联网' }).click();
  await expect(postAdmin.getByText('本岗尚未登记到市级服务器')).toBeVisible();
  await postAdmin.getByLabel('市级服务器地址').fill(cityUrl);
  await postAdmin.getByLabel('登记码').fill(code);
  await postAdmin.getByRole('button', { name: '登记到市级服务器' }).click();
}

async function openEscort(booth: Page, plate: string) {
  await booth.getByRole('menuitem', { name: '绿色通道' }).click();
  await booth.getByRole('button', { name: '新建护送' }).click();
  await booth.getByLabel('车牌号').fill(plate);
  await booth.getByRole('button', { name: '保存' }).click();
  await expect(booth.getByRole('region', { name: plate })).toBeVisible();
}

async function openStop(booth: Page, plate: string) {
  await booth.getByRole('menuitem', { name: '头盔教育' }).click();
  await newStop(booth, { plate });
}

/** The post's own 统计报表 figures for this month, through its protocol as a chief. */
async function ownFigures(post: ServedCore) {
  const chief = await officerSocket(post.url, '900002');
  const r = (await call(chief, 'reports:month', {})).value as unknown as {
    month: {
      escorts: { total: number; handedOver: number; cancelled: number };
      helmet: { stops: number };
      advisories: { total: number };
    };
  };
  chief.close();
  return { escorts: r.month.escorts.total, helmetStops: r.month.helmet.stops, advisories: r.month.advisories.total };
}

test('two posts enrol, ship escorts and helmet stops, one is cut off and comes back; 全市统计 equals each post’s report', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const cityAdmin = await page(browser, city.url, '900001');
  await cityAdmin.getByRole('menuitem', { name: '管理' }).click();
  await expect(cityAdmin.getByRole('tab', { name: '全市岗位' })).toBeVisible();
  const codes = [await createPost(cityAdmin, '人民医院岗'), await createPost(cityAdmin, '中心医院岗')];
  await cityAdmin.screenshot({ path: 'test-results/city-posts.png' });

  const [a, b] = [await page(browser, posts[0]!.url, '900001'), await page(browser, posts[1]!.url, '900001')];
  await enrol(a, city.url, codes[0]!);
  await enrol(b, relay.url, codes[1]!);
  for (const booth of [a, b]) await expect(linkTag(booth)).toHaveText('已同步');
  await expect(
    a.getByRole('alert').or(a.getByRole('status')).filter({ hasText: '已登记为「人民医院岗」' }),
  ).toBeVisible();
  await a.screenshot({ path: 'test-results/city-link-panel.png' });

  await openEscort(a, '鲁P10001');
  await openEscort(a, '鲁P10002');
  await openStop(a, '鲁P·A1001');
  await openEscort(b, '鲁P20001');
  await openStop(b, '鲁P·B1001');
  for (const booth of [a, b]) await expect(linkTag(booth)).toHaveText('已同步');

  // B's line goes down: its booth keeps recording, and its header says so and counts what waits.
  await relay.cut();
  await expect(linkTag(b)).toHaveText(/^离线 · 自 /);
  await openEscort(b, '鲁P20002');
  await openStop(b, '鲁P·B1002');
  await expect(linkTag(b)).toHaveText(/^离线 · 自 .* · 待上传 \d+ 条$/);
  await b.screenshot({ path: 'test-results/city-post-offline.png' });
  await expect(linkTag(a)).toHaveText('已同步');

  // The line returns: B catches up by itself.
  await relay.restore();
  await expect(linkTag(b)).toHaveText('已同步', { timeout: 90_000 });

  const chief = await page(browser, city.url, '900002', { width: 1920, height: 1080 });
  await chief.getByRole('menuitem', { name: '全市统计' }).click();
  const table = chief.getByTestId('city-table');
  await expect(table.getByRole('row', { name: /人民医院岗/ })).toBeVisible({ timeout: 45_000 });
  const header = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
  const column = (name: string) => header.indexOf(name);
  for (const [i, name] of ['人民医院岗', '中心医院岗'].entries()) {
    const own = await ownFigures(posts[i]!);
    expect(own).toEqual({ escorts: [2, 2][i], helmetStops: [1, 2][i], advisories: 0 });
    const cells = (
      await table
        .getByRole('row', { name: new RegExp(name) })
        .locator('td')
        .allTextContents()
    ).map((c) => c.trim());
    expect({
      escorts: Number(cells[column('护送')]),
      helmetStops: Number(cells[column('头盔查处')]),
      advisories: Number(cells[column('劝导')]),
    }).toEqual(own);
  }
  const total = (
    await table
      .getByRole('row', { name: /全市合计/ })
      .locator('td')
      .allTextContents()
  ).map((c) => c.trim());
  expect(Number(total[column('护送')])).toBe(4);
  expect(Number(total[column('头盔查处')])).toBe(3);
  await expect(chief.getByRole('img', { name: '各岗位护送与头盔查处' })).toBeVisible();
  await chief.screenshot({ path: 'test-results/city-dashboard-1920.png', fullPage: true });
  await chief.setViewportSize({ width: 1366, height: 768 });
  await chief.screenshot({ path: 'test-results/city-dashboard-1366.png' });

  const download = chief.waitForEvent('download');
  await chief.getByRole('button', { name: '导出 CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^全市统计-\d{4}-\d{2}\.csv$/);
});
