import { expect, login, pairKiosk, serveCore, stopCore, test } from './fixtures';

test.describe('first run', () => {
  test.use({ demo: false });

  test('an empty data dir opens setup; the first admin is created and lands on the booth', async ({ page, core }) => {
    await page.goto(core.url);
    await expect(page.getByText('首次使用：创建管理员')).toBeVisible();
    await page.getByLabel('警号').fill('100001');
    await page.getByLabel('姓名').fill('赵管理');
    await page.getByLabel('密码', { exact: true }).fill('first-admin-pin');
    await page.getByLabel('确认密码').fill('first-admin-pin');
    await page.getByRole('button', { name: '创建管理员' }).click();
    await expect(page.getByText('赵管理 · 100001 · 管理员')).toBeVisible();
    for (const nav of ['绿色通道', '头盔教育', '统计报表', '管理']) {
      await expect(page.getByRole('menuitem', { name: nav })).toBeVisible();
    }
  });
});

test('the served pages carry the CSP, as a header and as a <meta>, and no inline script runs', async ({
  page,
  core,
}) => {
  for (const url of [core.kioskUrl, core.url]) {
    const response = await page.goto(url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
      'content',
      /script-src 'self';.*connect-src 'self';/,
    );
  }
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible(); // the socket connects under both
  // The page's own CSP blocks what an XSS would try: an inline <script> and string evaluation.
  // (Code passed to page.evaluate itself runs through DevTools, so the test watches for violations.)
  const blocked = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.appendChild(s);
    setTimeout('window.__evaluated = true', 0);
    await new Promise((r) => setTimeout(r, 200));
    const w = window as unknown as { __injected?: boolean; __evaluated?: boolean };
    // Each of the two policies reports its own violation.
    return {
      injected: w.__injected === true,
      evaluated: w.__evaluated === true,
      violations: [...new Set(violations)].sort(),
    };
  });
  expect(blocked).toEqual({ injected: false, evaluated: false, violations: ['script-src', 'script-src-elem'] });
});

test('an officer logs in with 警号 and 密码; a wrong PIN says so', async ({ page, core }) => {
  await page.goto(core.url);
  await page.getByLabel('警号').fill('900003');
  await page.getByLabel('密码').fill('000000');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText(/错误|不正确/);
  await page.getByLabel('密码').fill('123456');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('张伟 · 900003 · 民警')).toBeVisible();
  // An officer sees the officer screens, not the chief's or the admin's.
  await expect(page.getByRole('menuitem', { name: '绿色通道' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '管理' })).toHaveCount(0);
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
});

test('five wrong PINs lock the account', async ({ page, core }) => {
  await page.goto(core.url);
  await page.getByLabel('警号').fill('900004');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('密码').fill(`wrong-${i}`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert')).toContainText(i < 4 ? `还可尝试 ${4 - i} 次` : '锁定');
  }
  await page.getByLabel('密码').fill('123456');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('锁定');
});

test('a kiosk page pairs from the booth and stays paired after a reload and a core restart', async ({ browser }) => {
  const core = await serveCore({ demo: true });
  const boothContext = await browser.newContext();
  const kioskContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  const booth = await boothContext.newPage();
  const kiosk = await kioskContext.newPage();
  await login(booth, core.url, '900003');
  await pairKiosk(booth, kiosk, core.kioskUrl);
  await expect(kiosk.getByText('教育屏 1 · 已配对')).toBeVisible();
  await kiosk.reload();
  await expect(kiosk.getByTestId('attract-loop')).toBeVisible();
  await stopCore(core, true);
  // Same port, same origin: the kiosk's stored token is still its own.
  const again = await serveCore({ dataDir: core.dataDir, port: Number(new URL(core.url).port) });
  await kiosk.goto(again.kioskUrl);
  await expect(kiosk.getByTestId('attract-loop')).toBeVisible();
  await boothContext.close();
  await kioskContext.close();
  await stopCore(again);
});
