import AxeBuilder from '@axe-core/playwright';
import { chromium, type Page } from '@playwright/test';
import { closeBoothPages, officerPage } from './booth-pages';
import { expect, pairKiosk, test } from './fixtures';
import { call, officerSocket } from './protocol';

// The hospital link in real Chromium: booth, kiosk and ER pages side by side on one served core.

test.afterEach(closeBoothPages);

/** Records every tone the page starts (Web Audio oscillators' frequencies), to prove the sound played. */
const recordTones = async (page: Page) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __tones: number[] };
    w.__tones = [];
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: [number?]) {
      w.__tones.push(this.frequency.value);
      return start.apply(this, args);
    };
  });
};
const tones = (page: Page) => page.evaluate(() => (window as unknown as { __tones: number[] }).__tones);
const INCOMING = 1319; // the top note of the ER's incoming chime
const OVERDUE = 660; // the booth's overdue beep

async function pairEr(booth: Page, er: Page, url: string, name: string) {
  await er.goto(`${url}/er`);
  const code = er.getByTestId('pairing-code');
  await expect(code).toHaveText(/^\d{6}$/);
  await expect(er.getByRole('heading', { name: '急诊预警屏未配对' })).toBeVisible();
  // In the officer's own menu (under the name), beside 交接班 and 修改密码.
  await booth.locator('.booth-user').click();
  await booth.getByRole('menuitem', { name: '配对急诊屏' }).click();
  const dialog = booth.getByRole('dialog', { name: '配对急诊预警屏' });
  await dialog.getByLabel('配对码').fill((await code.textContent())!);
  await dialog.getByLabel('名称').fill(name);
  await dialog.getByRole('button', { name: '配对', exact: true }).click();
  await expect(dialog.getByText(`已配对：${name}`)).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: name })).toContainText('在线');
  await booth.keyboard.press('Escape');
  await expect(er.getByRole('heading', { name: '急诊预警', exact: true })).toBeVisible();
}

test('booth, kiosk and ER side by side: a new escort chimes on the ER, 已知悉 shows at the booth, steps follow live', async ({
  browser,
  core,
}, info) => {
  const booth = await officerPage(browser, core.url, '900003', recordTones);
  const kiosk = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true })).newPage();
  await pairKiosk(booth, kiosk, core.kioskUrl);
  const erContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const er = await erContext.newPage();
  await recordTones(er);
  await pairEr(booth, er, core.url, '急诊科护士站');
  await expect(er.getByText('当前没有正在护送的车辆')).toBeVisible();

  // The booth opens an escort with its category and destination, as an officer does at the radio call.
  await booth.getByRole('button', { name: '新建护送' }).click();
  await booth.getByLabel('车牌号').fill('鲁P12345');
  const form = booth.getByRole('dialog', { name: '新建护送' });
  for (const choice of ['胸痛/心脏', '胸痛中心', '私家车']) {
    const button = form.locator('label.ant-radio-button-wrapper').filter({ hasText: new RegExp(`^${choice}$`) });
    await button.scrollIntoViewIfNeeded();
    await button.click();
    await expect(button).toHaveClass(/ant-radio-button-wrapper-checked/);
  }
  await form.getByRole('button', { name: '保存' }).click();

  const card = er.getByRole('article', { name: '鲁P12345 胸痛/心脏' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('胸痛/心脏→胸痛中心');
  await expect(card).toContainText('私家车 鲁P12345');
  await expect(card).toHaveClass(/is-fresh/);
  await expect(
    er.getByRole('status').filter({ hasText: '新的护送：胸痛/心脏 → 胸痛中心，私家车 鲁P12345' }),
  ).toBeVisible();
  await expect.poll(() => tones(er)).toContain(INCOMING);
  // Nothing about the officers reaches the ER screen.
  await expect(er.locator('body')).not.toContainText('张伟');
  await er.screenshot({ path: info.outputPath('er-1920x1080-incoming.png') });

  // 已知悉 on the ER: recorded with its time and screen; the booth card says so at once.
  await card.getByRole('button', { name: '已知悉：鲁P12345' }).click();
  await expect(card).toContainText(/已知悉 \d\d:\d\d · 急诊科护士站/);
  await expect(card).not.toHaveClass(/is-fresh/);
  const boothCard = booth.getByRole('region', { name: '鲁P12345' });
  await expect(boothCard.getByText(/^急诊已知悉 \d\d:\d\d$/)).toBeVisible();

  // A step at the booth moves the ER card's current step.
  await boothCard.getByRole('button', { name: '会合', exact: true }).click();
  await expect(card.getByRole('listitem').filter({ hasText: '会合' })).toHaveAttribute('aria-current', 'step');

  // The escort's timeline at the booth names the screen that acknowledged it.
  await boothCard.getByRole('button', { name: '查看 / 补充 鲁P12345' }).click();
  await expect(booth.getByTestId('timeline-preAlert')).toHaveText(
    /^急诊已知悉 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d · 急诊科护士站$/,
  );
  await booth.keyboard.press('Escape');

  // The kiosk beside them is untouched: still in its attract loop.
  await expect(kiosk.getByTestId('attract-loop')).toBeVisible();

  // Tablet size: the same board fits 1280×800 without sideways scrolling.
  await er.setViewportSize({ width: 1280, height: 800 });
  await expect(card).toBeVisible();
  expect(await er.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await er.screenshot({ path: info.outputPath('er-1280x800.png') });
  await erContext.close();
  await kiosk.context().close();
});

test('overdue: the booth beeps once and can be muted; the ER screen shows the step it is late for', async ({
  browser,
  core,
}, info) => {
  const booth = await officerPage(browser, core.url, '900003', recordTones);
  const er = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await pairEr(booth, er, core.url, '急诊大屏');

  // Logged 12 minutes after the call came in: already past 会合's 10-minute deadline.
  const officer = await officerSocket(core.url);
  const created = await call(officer, 'escort:create', {
    plate: '鲁P54321',
    condition: 'stroke',
    destination: 'stroke',
    times: { requested: Date.now() - 12 * 60_000 },
  });
  expect(created.ok).toBe(true);
  officer.close();

  const boothCard = booth.getByRole('region', { name: '鲁P54321' });
  await expect(boothCard.getByText('超时', { exact: true })).toBeVisible();
  await expect.poll(() => tones(booth)).toContain(OVERDUE);
  const beeps = (await tones(booth)).filter((f) => f === OVERDUE).length;
  await expect(boothCard.getByRole('timer')).toHaveAttribute('title', '接报后超过 10 分钟未会合');

  const erCard = er.getByRole('article', { name: '鲁P54321 卒中' });
  await expect(erCard).toHaveClass(/is-overdue/);
  await expect(erCard.getByRole('status')).toHaveText('超时：会合');
  await er.screenshot({ path: info.outputPath('er-1920x1080-overdue.png') });

  // One beep per deadline, not one per second: a later tick adds none (repeats come every 5 minutes).
  await expect(boothCard.getByRole('timer')).not.toHaveText((await boothCard.getByRole('timer').textContent())!);
  expect((await tones(booth)).filter((f) => f === OVERDUE).length).toBe(beeps);

  const mute = booth.getByRole('button', { name: '超时提示音：开' });
  await mute.click();
  await expect(booth.getByRole('button', { name: '超时提示音：已静音' })).toHaveAttribute('aria-pressed', 'true');
  await booth.reload();
  await expect(booth.getByRole('button', { name: '超时提示音：已静音' })).toBeVisible();
  await booth.screenshot({ path: info.outputPath('booth-overdue-1366x768.png') });
  await er.context().close();
});

test('a browser that blocks sound: the ER screen asks for one tap, then plays', async ({ core }) => {
  // This browser runs without the suite's autoplay flag, as a hospital PC's browser does.
  const plain = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const boothCtx = await plain.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1366, height: 768 },
    });
    const booth = await boothCtx.newPage();
    await booth.goto(core.url);
    await booth.getByLabel('警号').fill('900003');
    await booth.getByLabel('密码').fill('123456');
    await booth.getByRole('button', { name: '登录' }).click();
    const er = await (
      await plain.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 } })
    ).newPage();
    await pairEr(booth, er, core.url, '急诊平板');
    const enable = er.getByRole('button', { name: /点击此处启用提示音/ });
    await expect(enable).toBeVisible();
    await enable.click();
    await expect(enable).toHaveCount(0);
    expect(await er.evaluate(() => new AudioContext().state !== 'closed')).toBe(true);
  } finally {
    await plain.close();
  }
});

/** axe on the ER page as shown: serious and critical findings must be none. */
async function seriousAxe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test('axe and English: the ER screen unpaired, with an incoming, an acknowledged and a finished escort', async ({
  browser,
  core,
}, info) => {
  const booth = await officerPage(browser, core.url, '900003');
  const er = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await er.goto(`${core.url}/er`);
  await expect(er.getByTestId('pairing-code')).toHaveText(/^\d{6}$/);
  expect(await seriousAxe(er), 'ER pairing').toEqual([]);
  await pairEr(booth, er, core.url, '急诊科');

  const officer = await officerSocket(core.url);
  const open = async (plate: string, fields: object) =>
    (await call(officer, 'escort:create', { plate, ...fields })).value as { id: number; version: number };
  await open('鲁P11111', { condition: 'trauma', destination: 'emergency', vehicle: 'ambulance' });
  await open('鲁P22222', { condition: 'obstetric', destination: 'obstetrics', vehicle: 'taxi' });
  // Logged after the fact, handed over a minute ago: it shows among the recently ended.
  const t = Date.now();
  const minutesAgo = (n: number) => t - n * 60_000;
  await open('鲁P33333', {
    condition: 'respiratory',
    destination: 'emergency',
    times: {
      requested: minutesAgo(20),
      met: minutesAgo(16),
      departed: minutesAgo(14),
      arrived: minutesAgo(5),
      handedOver: minutesAgo(1),
    },
  });
  officer.close();
  await er.getByRole('button', { name: '已知悉：鲁P22222' }).click();
  await expect(er.getByRole('article', { name: '鲁P22222 孕产' })).toContainText('已知悉');
  await expect(er.getByRole('heading', { name: '最近 30 分钟已结束' })).toBeVisible();
  await expect(er.getByRole('article', { name: '鲁P33333 呼吸' })).toContainText(/已交接 \d\d:\d\d/);
  expect(await seriousAxe(er), 'ER board').toEqual([]);
  await er.screenshot({ path: info.outputPath('er-1920x1080-three.png') });

  await er.getByRole('button', { name: 'English' }).click();
  await expect(er.getByRole('heading', { name: 'ER pre-alert' })).toBeVisible();
  await expect(er.getByRole('article', { name: '鲁P11111 Trauma' })).toContainText('Trauma→Emergency dept.');
  await expect(er.getByRole('article', { name: '鲁P22222 Obstetric' })).toContainText(
    /Acknowledged \d\d:\d\d · 急诊科/,
  );
  expect(await seriousAxe(er), 'ER board in English').toEqual([]);
  await er.setViewportSize({ width: 1280, height: 800 });
  await er.screenshot({ path: info.outputPath('er-1280x800-english.png') });
  await er.context().close();
});
