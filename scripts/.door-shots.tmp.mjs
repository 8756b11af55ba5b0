import { chromium } from '@playwright/test';
const url = 'http://127.0.0.1:5199';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const lang of ['zh', 'en']) {
  for (const [w, h] of [[1366, 768], [1920, 1080]]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await ctx.newPage();
    await page.goto(url);
    if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel(lang === 'en' ? 'Badge no.' : '警号').fill('900002');
    await page.getByLabel(lang === 'en' ? 'PIN' : '密码').fill('123456');
    await page.getByRole('button', { name: lang === 'en' ? 'Sign in' : '登录' }).click();
    await page.getByRole('menuitem', { name: lang === 'en' ? 'Reports' : '统计报表' }).click();
    await page.getByTestId('door-times').waitFor({ timeout: 45000 });
    // 2026-11: one month back from December.
    await page.getByRole('button', { name: lang === 'en' ? 'Previous month' : '上个月' }).click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/shots-door/reports-top-${lang}-${w}.png` });
    const card = page.getByTestId('door-times');
    await card.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/shots-door/door-times-${lang}-${w}.png` });
    await card.screenshot({ path: `/tmp/shots-door/door-times-card-${lang}-${w}.png` });
    if (w === 1366) {
      await page.getByRole('button', { name: lang === 'en' ? 'Export escort list' : '导出护送明细' }).click();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `/tmp/shots-door/escort-list-menu-${lang}-${w}.png` });
    }
    await ctx.close();
  }
}
await browser.close();
