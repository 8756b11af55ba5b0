import { chromium } from '@playwright/test';
const url = 'http://127.0.0.1:5180';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
async function booth(badge, size, name, nav) {
  const page = await browser.newPage({ viewport: size });
  await page.goto(url);
  await page.getByLabel('警号').fill(badge);
  await page.getByLabel('密码').fill('123456');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('退出登录').or(page.getByRole('button', { name: /退出|账户|900/ })).first().waitFor({ timeout: 30000 }).catch(() => {});
  if (nav) { await page.getByText(nav, { exact: true }).first().click(); }
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/shots/${name}.png` });
  return page;
}
await booth('900003', { width: 1366, height: 768 }, 'escorts-1366');
await booth('900003', { width: 1366, height: 768 }, 'helmet-1366', '头盔教育');
const p = await booth('900001', { width: 1920, height: 1080 }, 'admin-1920', '管理');
await booth('900002', { width: 1366, height: 768 }, 'reports-1366', '统计报表');
await browser.close();
