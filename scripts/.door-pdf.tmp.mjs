import { chromium } from '@playwright/test';
const url = 'http://127.0.0.1:5199';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const lang of ['zh', 'en']) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await ctx.newPage();
  await page.addInitScript(() => { window.print = () => void (window.__printed = (window.__printed ?? 0) + 1); });
  await page.goto(url);
  if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel(lang === 'en' ? 'Badge no.' : '警号').fill('900002');
  await page.getByLabel(lang === 'en' ? 'PIN' : '密码').fill('123456');
  await page.getByRole('button', { name: lang === 'en' ? 'Sign in' : '登录' }).click();
  await page.getByRole('menuitem', { name: lang === 'en' ? 'Reports' : '统计报表' }).click();
  await page.getByTestId('door-times').waitFor({ timeout: 45000 });
  await page.getByRole('button', { name: lang === 'en' ? 'Previous month' : '上个月' }).click();
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: lang === 'en' ? 'Export PDF' : '导出 PDF' }).click();
  await page.waitForFunction(() => window.__printed === 1);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: `/tmp/shots-door/report-${lang}.pdf`, format: 'A4', printBackground: true });
  await ctx.close();
}
await browser.close();
