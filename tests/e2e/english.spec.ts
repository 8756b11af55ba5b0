import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// A year of demo history: the history, reports and audit log have rows to read.
test.use({ demoYears: 1 });

const CJK = /[\u3400-\u9fff\uff08\uff09\uff1a]/;
const screens = 'test-results/screens';

const shoot = async (page: Page, name: string) => {
  mkdirSync(screens, { recursive: true });
  await page.screenshot({ path: `${screens}/english-${name}.png` });
};

/** The element's texts, each of which must read without Chinese characters or full-width （）：. */
async function expectNoCjk(cells: Locator, what: string) {
  const texts = await cells.allInnerTexts();
  expect(texts.length, `${what}: some to read`).toBeGreaterThan(0);
  expect(
    texts.filter((s) => CJK.test(s)),
    `${what} in English`,
  ).toEqual([]);
}

async function signInInEnglish(page: Page, url: string) {
  await page.goto(url);
  // The login page has its own language switch, named in the language it switches to.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('Officer sign-in')).toBeVisible();
  await shoot(page, 'login');
  await page.getByLabel('Badge no.').fill('900001');
  await page.getByLabel('PIN').fill('123456');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

test('login switches language and keeps it; the English booth reads without Chinese words at 1366×768', async ({
  page,
  core,
}) => {
  await page.goto(core.url);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await signInInEnglish(page, core.url);
  // The choice is kept: a reload stays English.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // Board: every 劝导 Undo button lies inside the viewport.
  await expect(page.getByRole('button', { name: 'New escort' })).toBeVisible();
  const undos = page.locator('.advisory-row').getByRole('button', { name: /^Undo / });
  await expect(undos).toHaveCount(3);
  for (const undo of await undos.all()) {
    const box = (await undo.boundingBox())!;
    expect(box.x + box.width, 'Undo inside the 1366 px viewport').toBeLessThanOrEqual(1366);
  }
  await shoot(page, 'board');

  // History: durations and outcome tags in English.
  await page.getByRole('tab', { name: 'History' }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().locator('td').last()).toHaveText(/^\d+ (s|min \d+ s|h \d+ min)$/);
  await expectNoCjk(rows.locator('td:last-child'), 'durations');
  await expectNoCjk(rows.locator('.ant-tag'), 'outcome tags');
  await shoot(page, 'history');

  // An escort's details: intervals in English.
  await rows.first().locator('td').nth(1).click();
  const intervals = page.getByRole('region', { name: 'Intervals' });
  await expect(intervals.getByText(/\d+ min \d+ s/).first()).toBeVisible();
  await expectNoCjk(intervals.locator('.ant-descriptions-item-content'), 'intervals');
  // Its audit trail names the officer, not `officer:900004`.
  await expect(page.locator('.escort-audit-actor').first()).toHaveText(/^\S+ · \d{6}$/);
  await shoot(page, 'escort-detail');
  await page.keyboard.press('Escape');

  // Helmet page: headings and columns in English.
  await page.getByRole('menuitem', { name: 'Helmet education' }).click();
  await expect(page.getByRole('button', { name: 'New stop' })).toBeVisible();
  await expectNoCjk(page.locator('.ant-table-thead th'), 'helmet columns');
  await shoot(page, 'helmet');

  // Reports: the month picker shows its whole value, not "Mont…".
  await page.getByRole('menuitem', { name: 'Reports' }).click();
  const month = page.locator('.report-toolbar .ant-select').nth(1);
  const shown = month.locator('.ant-select-content, .ant-select-selection-item').first();
  await expect(shown).toHaveText(/^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/);
  expect(await shown.evaluate((el) => el.scrollWidth <= el.clientWidth), 'month value not cut').toBe(true);
  await expect(page.getByText('Month comparison')).toBeVisible();
  await shoot(page, 'reports');

  // 交接班, from the officer's own menu: headings, labels and figures in English, ASCII punctuation.
  await page.locator('.booth-user').click();
  await page.getByRole('menuitem', { name: 'Handover' }).click();
  await expect(page.getByRole('button', { name: 'Sign handover' })).toBeVisible();
  // The signed-in officer's name is data: it stays as written, in ASCII parentheses.
  await expect(page.getByText('Outgoing officer’s PIN (王建国)')).toBeVisible();
  await expectNoCjk(
    page
      .locator('.ant-card-head-title, .ant-form-item-label, .ant-table-thead th, .ant-tabs-tab')
      .filter({ hasNotText: '王建国' }),
    'handover',
  );
  await expect(page.getByText(/^Shift: \d{4}-\d\d-\d\d \d\d:\d\d – /)).toBeVisible();
  await shoot(page, 'handover');
});

test('the audit tab shows names and words, not keys and JSON', async ({ page, core }) => {
  await signInInEnglish(page, core.url);
  await page.getByRole('menuitem', { name: 'Admin' }).click();
  await page.getByRole('tab', { name: 'Audit' }).click();
  const table = page.locator('.ant-table-tbody');
  // The sign-in just made: by name and badge, as words.
  const signIn = table.locator('tr.ant-table-row').first();
  await expect(signIn).toContainText('王建国 · 900001');
  await expect(signIn).toContainText('Sign-in');
  await expect(signIn).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  await expect(table).not.toContainText('officer:');
  await expect(table).not.toContainText('{"');
  await expect(table).not.toContainText(/\b(auth|escort|helmet|kiosk)\.[a-z]/i);
  await shoot(page, 'audit');

  // The filter names actions in words too; a recorded ticket reads its fine in yuan, in English.
  await page.getByLabel('Action').click();
  await page.keyboard.type('Ticket recorded');
  // The visible option (antd also keeps a hidden accessible copy of the listbox).
  await page.locator('.ant-select-item-option', { hasText: 'Ticket recorded' }).click();
  await page.getByRole('button', { name: 'Search' }).click();
  const fined = table.locator('tr.ant-table-row').first();
  await expect(fined).toContainText('Ticket recorded');
  await expect(fined).toContainText(/Ticket no\.: \d+ · Fine: ¥\d+/);
  await expect(table).not.toContainText('元');
  await shoot(page, 'audit-fined');
});
