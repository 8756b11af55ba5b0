import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures';

const contexts: BrowserContext[] = [];

/** Closes every booth page `officerPage` opened; call it from `test.afterEach`. */
export async function closeBoothPages() {
  for (const c of contexts.splice(0)) await c.close();
}

/**
 * A signed-in booth page at 1366×768 in a context of its own: two officers, two sessions, as on two
 * booth screens. `beforeLogin` may set up routes (e.g. to cut the socket later).
 */
export async function officerPage(
  browser: Browser,
  url: string,
  badge: string,
  beforeLogin?: (page: Page) => Promise<void>,
) {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
  });
  contexts.push(context);
  const page = await context.newPage();
  await beforeLogin?.(page);
  await page.goto(url);
  await page.getByLabel('警号').fill(badge);
  await page.getByLabel('密码').fill('123456');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: '新建护送' })).toBeVisible({ timeout: 30_000 });
  return page;
}
