import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, login, serveCore, stopCore, test } from './fixtures';
import { call, officerSocket } from './protocol';

const PASSPHRASE = '岗亭密钥 2026 冬';
const shots = join(import.meta.dirname, '..', '..', 'test-results', 'screens');

/** Through the protocol, as a second booth would: an officer stops a rider, so the post has a rider key. */
async function stopARider(url: string, phone: string) {
  const officer = await officerSocket(url);
  const stop = await call(officer, 'helmet:create', { vehicle: 'ebike', phone });
  officer.close();
  return stop.value;
}

async function backupTab(page: Page, url: string) {
  await login(page, url, '900001');
  await page.getByRole('menuitem', { name: '管理' }).click();
  await page.getByRole('tab', { name: '备份' }).click();
}

test('an admin exports the rider key; a backup from that post restores at another only with the key file and its passphrase', async ({
  page,
  browser,
  core,
}) => {
  mkdirSync(shots, { recursive: true });
  await stopARider(core.url, '13912345678');
  await backupTab(page, core.url);
  const card = page.getByTestId('rider-key');
  await expect(card).toContainText(`密钥文件 ${join(core.dataDir, 'rider-key')}`);
  await expect(card).toContainText(/指纹\s*[0-9a-f]{16}/);
  const fingerprint = (await card.locator('.admin-mono').nth(1).textContent())!;

  await card.getByRole('button', { name: '导出密钥' }).click();
  const dialog = page.getByRole('dialog', { name: '导出骑手密钥' });
  await dialog.getByLabel('口令', { exact: true }).fill('short');
  await dialog.getByLabel('再次输入口令').fill('shorter');
  await dialog.getByRole('button', { name: '导出密钥' }).click();
  await expect(dialog.getByText('口令至少 8 个字符')).toBeVisible();
  await expect(dialog.getByText('两次输入的口令不一致')).toBeVisible();
  await dialog.getByLabel('口令', { exact: true }).fill(PASSPHRASE);
  await dialog.getByLabel('再次输入口令').fill(PASSPHRASE);
  await page.screenshot({ path: join(shots, 'rider-key-export-1366.png') });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出密钥' }).click();
  const keyFile = join(core.dataDir, '..', `${(await download).suggestedFilename()}`);
  await (await download).saveAs(keyFile);
  expect(JSON.parse(readFileSync(keyFile, 'utf8'))).toMatchObject({ format: 'greenpost-rider-key', kdf: { name: 'scrypt' } });
  await expect(page.getByRole('status')).toContainText('已导出 greenpost-rider-key-');

  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByRole('status')).toContainText('备份完成');
  const backupName = (await page.getByTestId('backup-files').locator('.admin-mono').first().textContent())!;
  const backupPath = join(core.dataDir, 'backups', backupName);

  // Another post, with a rider key of its own.
  const other = await serveCore({ demo: true });
  try {
    await stopARider(other.url, '13800001111');
    const admin = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } })).newPage();
    await backupTab(admin, other.url);
    await admin.getByLabel('备份文件路径').fill(backupPath);
    await admin.getByTestId('restore-from-path').click();
    await admin.locator('.ant-popconfirm').getByRole('button', { name: '恢复' }).click();
    const ask = admin.getByRole('dialog', { name: '该备份使用另一把骑手密钥' });
    await expect(ask).toContainText(backupName);
    await ask.locator('input[type=file]').setInputFiles(keyFile);
    await expect(ask.getByRole('button', { name: /greenpost-rider-key-/ })).toBeVisible();
    await ask.getByLabel('口令').fill('这不是那个口令啊啊');
    await ask.getByRole('button', { name: '用密钥恢复' }).click();
    await expect(ask.getByRole('alert')).toContainText('口令不正确');
    // Refused, nothing changed: the admin may try again at once.
    await expect(ask.getByRole('button', { name: '用密钥恢复' })).toBeEnabled();
    await expect(ask.getByLabel('口令')).toBeEditable();
    await admin.screenshot({ path: join(shots, 'rider-key-restore-1366.png') });
    await ask.getByLabel('口令').fill(PASSPHRASE);
    await ask.getByRole('button', { name: '用密钥恢复' }).click();
    await expect(admin.getByRole('status')).toContainText(`已恢复 ${backupName}`);
    await expect(ask).toHaveCount(0);
    // The restored post now holds the first post's key. Its sessions are the first post's too, so
    // this admin signs in again, and sees the same fingerprint.
    expect(readFileSync(join(other.dataDir, 'rider-key'), 'utf8')).toBe(readFileSync(join(core.dataDir, 'rider-key'), 'utf8'));
    await backupTab(admin, other.url);
    await expect(admin.getByTestId('rider-key')).toContainText(fingerprint);
    await admin.setViewportSize({ width: 1920, height: 1080 });
    await admin.screenshot({ path: join(shots, 'rider-key-card-1920.png'), fullPage: true });
    await admin.context().close();
  } finally {
    await stopCore(other);
  }
});
