import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, login, serveCore, stopCore, test } from './fixtures';
import { answerQuiz, boothAndKiosk, newStop, sign } from './helmet-flow';

// axe-core's default rules on every screen, as a rider, an officer, a chief or an admin meets it. A
// serious or critical violation fails the test; every screen prints one line of counts by impact.

// A year of demo history, so the board, the lists and the report have something in them.
test.use({ settings: { helmetVideoOverride: 'test-short' }, demoYears: 1 });
test.describe.configure({ timeout: 240_000 });

const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;

/**
 * The kiosk keeps pinch-zoom off (`user-scalable=no`): it is a public touch screen, and a rider's
 * stray two-finger gesture would leave the next rider a zoomed-in screen with the buttons out of
 * reach and no browser chrome to undo it. Its text is already large (18 px and up, the choice and
 * quiz buttons far more). So axe's meta-viewport rule is off for kiosk pages, and only for them.
 */
const kioskPage = { rulesOff: ['meta-viewport'] };

const dialog = { within: '.ant-modal' };

/** Each screen's counts, printed together at the end of its test. */
const lines: string[] = [];

/**
 * Runs axe on what `page` shows once `ready` is visible and nothing is loading, and records the counts.
 * A dialog is audited on its own (`within`): the page behind its mask is dimmed on purpose.
 */
async function audit(page: Page, screen: string, ready: Locator, opts: { rulesOff?: string[]; within?: string } = {}) {
  await expect(ready).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  // Mid-animation (a dialog zooming in, a tab sliding, a button fading to its hover colour) colours are
  // blends: the pointer is moved off the controls and the motion allowed to end.
  await page.mouse.move(0, 0);
  await expect(page.locator('[class*="-appear"], [class*="-enter"], [class*="-leave"]')).toHaveCount(0);
  await expect
    .poll(() => page.evaluate(() => document.getAnimations().filter((a) => a instanceof CSSTransition).length))
    .toBe(0);
  // One h1 and one main landmark on every screen, whatever axe's rules make of it.
  await expect(page.getByRole('heading', { level: 1 }), `${screen}: one h1`).toHaveCount(1);
  await expect(page.getByRole('main'), `${screen}: one main landmark`).toHaveCount(1);
  const axe = new AxeBuilder({ page }).disableRules(opts.rulesOff ?? []);
  const { violations } = await (opts.within ? axe.include(opts.within) : axe).analyze();
  const nodes = (impact: string) =>
    violations.filter((v) => v.impact === impact).reduce((n, v) => n + v.nodes.length, 0);
  const rules = violations.map((v) => `${v.id} ${v.impact} ×${v.nodes.length}`).join(', ');
  lines.push(`axe ${screen}: ${IMPACTS.map((i) => `${i} ${nodes(i)}`).join(', ')}${rules ? ` (${rules})` : ''}`);
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join(' | ')}`);
  expect.soft(blocking, `serious or critical axe violations on ${screen}`).toEqual([]);
}

/** CSP reports from the console: the <meta> policy and the header must let every screen work. */
function watchCsp(page: Page, into: string[]) {
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && into.push(`${page.url()}: ${m.text()}`));
}

test.afterEach(() => {
  for (const line of lines) console.log(line);
  lines.length = 0;
});

test('axe: setup, login and every booth screen (board, helmet, reports, each admin tab)', async ({
  page,
  browser,
  core,
}) => {
  const csp: string[] = [];
  watchCsp(page, csp);
  const fresh = await serveCore({ demo: false });
  try {
    await page.goto(fresh.url);
    await audit(page, 'setup', page.getByText('首次使用：创建管理员'));
  } finally {
    await stopCore(fresh);
  }

  const booth = await (await browser.newContext()).newPage();
  watchCsp(booth, csp);
  await booth.goto(core.url);
  await audit(booth, 'login', booth.getByRole('button', { name: '登录' }));
  await login(booth, core.url, '900001');

  await audit(booth, 'board 护送看板', booth.getByText(/^快捷键：/));
  await booth.getByRole('button', { name: '新建护送' }).click();
  await audit(booth, 'board: new escort dialog', booth.getByRole('dialog'), dialog);
  await booth.getByLabel('车牌号').fill('鲁PA2468');
  await booth.getByRole('button', { name: '保存' }).click();
  await audit(booth, 'board with a running escort', booth.getByRole('region', { name: '鲁PA2468' }).getByRole('timer'));
  await booth.getByRole('button', { name: '配对教育屏' }).click();
  await audit(booth, 'pair kiosk dialog', booth.getByLabel('配对码'), dialog);
  await booth.keyboard.press('Escape');
  await expect(booth.getByRole('dialog')).toHaveCount(0);
  await booth.getByText('王建国 · 900001 · 管理员').click();
  await booth.getByRole('menuitem', { name: '修改密码' }).click();
  await audit(booth, 'change PIN dialog', booth.getByLabel('当前密码'), dialog);
  await booth.keyboard.press('Escape');
  await expect(booth.getByRole('dialog')).toHaveCount(0);
  await booth.getByRole('tab', { name: '历史记录' }).click();
  await audit(booth, 'board 历史记录', booth.getByRole('tabpanel', { name: '历史记录' }));

  await booth.getByRole('menuitem', { name: '头盔教育' }).click();
  await audit(booth, 'helmet 头盔教育', booth.getByRole('button', { name: '新建查处' }));
  await booth.getByRole('button', { name: '新建查处' }).click();
  await audit(booth, 'helmet: new stop dialog', booth.getByRole('dialog'), dialog);
  await booth.keyboard.press('Escape');
  await expect(booth.getByRole('dialog')).toHaveCount(0);

  await booth.getByRole('menuitem', { name: '统计报表' }).click();
  await audit(booth, 'reports 统计报表', booth.getByTestId('chart-compare'));

  await booth.getByRole('menuitem', { name: '管理' }).click();
  for (const tab of ['民警', '设置', '内容', '备份', '审计', '数据保留']) {
    await booth.getByRole('tab', { name: tab }).click();
    await expect(booth.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await audit(booth, `admin ${tab}`, booth.getByRole('tabpanel', { name: tab }));
  }
  expect(csp, 'no CSP violation on any booth screen').toEqual([]);
});

test('axe: every kiosk state, from pairing to done', async ({ browser, core }) => {
  const csp: string[] = [];
  const unpaired = await (
    await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true })
  ).newPage();
  watchCsp(unpaired, csp);
  await unpaired.goto(core.kioskUrl);
  await audit(unpaired, 'kiosk pairing', unpaired.getByTestId('pairing-code'), kioskPage);

  const { booth, kiosk } = await boothAndKiosk(browser, core.url, core.kioskUrl);
  watchCsp(kiosk, csp);
  await audit(kiosk, 'kiosk attract', kiosk.getByTestId('attract-loop'), kioskPage);

  // A rider who takes the fine.
  const fined = await newStop(booth, { plate: '鲁P·A1001' });
  await fined.getByRole('button', { name: '推送到教育屏' }).click();
  await audit(kiosk, 'kiosk choice', kiosk.getByTestId('kiosk-choice'), kioskPage);
  await kiosk.getByRole('button', { name: '接受罚款' }).click();
  await audit(kiosk, 'kiosk confirm fine', kiosk.getByRole('button', { name: '确认接受罚款' }), kioskPage);
  await kiosk.getByRole('button', { name: '确认接受罚款' }).click();
  await audit(kiosk, 'kiosk end (fine)', kiosk.getByTestId('kiosk-end-fine'), kioskPage);
  await expect(kiosk.getByTestId('attract-loop')).toBeVisible({ timeout: 20_000 });

  // A rider who watches, fails the quiz once, passes it and signs.
  const row = await newStop(booth, { plate: '鲁P·A1002' });
  await row.getByRole('button', { name: '推送到教育屏' }).click();
  await kiosk.getByRole('button', { name: '观看教育视频' }).click();
  await kiosk.locator('video').evaluate((v: HTMLVideoElement) => v.pause());
  await audit(kiosk, 'kiosk video (paused)', kiosk.getByRole('button', { name: '继续观看' }), kioskPage);
  await kiosk.getByRole('button', { name: '继续观看' }).click();
  await answerQuiz(kiosk, false);
  await audit(kiosk, 'kiosk quiz retry', kiosk.getByTestId('kiosk-quiz-retry'), kioskPage);
  await kiosk.getByRole('button', { name: '再试一次' }).click();
  await audit(kiosk, 'kiosk quiz', kiosk.getByTestId('kiosk-quiz'), kioskPage);
  await answerQuiz(kiosk);
  await audit(kiosk, 'kiosk pledge', kiosk.getByTestId('kiosk-pledge'), kioskPage);
  await sign(kiosk);
  await audit(kiosk, 'kiosk end (done)', kiosk.getByTestId('kiosk-end-done'), kioskPage);
  await expect(row).toContainText('教育完成·免予处罚');
  await audit(
    booth,
    'helmet with a fined and an educated rider',
    fined.getByRole('button', { name: '录入决定书编号' }),
  );
  expect(csp, 'no CSP violation on any kiosk screen').toEqual([]);
});
