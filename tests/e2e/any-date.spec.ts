import type { Page } from '@playwright/test';
import { expect, login, serveCore, stopCore, test } from './fixtures';

// The real-clock path: the served core runs with its system clock at the turn of the year (faketime,
// TZ=UTC), seeds a year of demo history and opens on the post's own month. A month loop that never
// ended after December once kept `--demo` from ever printing its URL on 1–31 December.

const headline = (page: Page, title: string) =>
  page.getByTestId(`headline-${title}`).locator('.ant-statistic-content-value');

for (const { at, year, month, previous } of [
  { at: '2026-12-31T23:50:00+08:00', year: '2026', month: '12 月', previous: /上月 [1-9]\d*/ },
  { at: '2027-01-01T00:00:30+08:00', year: '2027', month: '1 月', previous: /上月 [1-9]\d*/ },
]) {
  test(`a --demo core started at ${at} seeds its history and reports the post's month`, async ({ page }) => {
    test.slow(); // a year of history is seeded before the core is ready
    const core = await serveCore({ demo: true, demoYears: 1, wallClock: at });
    try {
      expect(core.output()).toMatch(/demo: 1 years of history seeded in \d+\.\d s/);
      expect(core.output()).toMatch(/demo escorts: year seeded/);
      expect(core.output()).toMatch(/demo helmet stops: year seeded/);

      await login(page, core.url, '900002');
      await page.getByRole('menuitem', { name: '统计报表' }).click();
      await expect(page.getByRole('button', { name: '导出 CSV' })).toBeVisible({ timeout: 45_000 });
      await expect(page.getByRole('combobox', { name: '年份' }).locator('..')).toContainText(year);
      await expect(page.getByRole('combobox', { name: '月份' }).locator('..')).toContainText(month);
      // December (the month itself, or the one before 1 January) holds a month of demo escorts.
      await expect(page.getByTestId('headline-护送').locator('.report-compare')).toContainText(previous);
      if (month === '12 月') expect(Number(await headline(page, '护送').textContent())).toBeGreaterThan(150);
    } finally {
      await stopCore(core);
    }
  });
}
