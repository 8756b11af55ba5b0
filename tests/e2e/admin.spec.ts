import { expect, login, test } from './fixtures';

// Each flow signs in (a slow scrypt hash by design) and walks several screens; a loaded CI box needs the room.
test.describe.configure({ timeout: 180_000 });

test('an admin adds an officer (新增民警) who then logs in', async ({ page, core }) => {
  await login(page, core.url, '900001');
  await page.getByRole('menuitem', { name: '管理' }).click();
  await page.getByRole('tab', { name: '民警' }).click();
  await page.getByRole('button', { name: '新增民警' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('警号').fill('310001');
  await dialog.getByLabel('姓名').fill('陈静');
  await dialog.getByLabel('初始密码').fill('first-pin-1');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('已新增民警 陈静（310001）');
  await expect(page.getByRole('row', { name: /310001/ })).toContainText('在岗');
  // A second add with the same badge is refused inside the dialog, with the reason.
  await page.getByRole('button', { name: '新增民警' }).click();
  await dialog.getByLabel('警号').fill('310001');
  await dialog.getByLabel('姓名').fill('重复');
  await dialog.getByLabel('初始密码').fill('first-pin-1');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText('已存在');
  await dialog.getByRole('button', { name: '取消' }).click();

  await page.getByRole('button', { name: '退出登录' }).click();
  await login(page, core.url, '310001', 'first-pin-1');
  await expect(page.getByText('陈静 · 310001 · 民警')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '管理' })).toHaveCount(0);
});

test('an officer changes their own PIN from the header menu', async ({ page, core }) => {
  await login(page, core.url, '900003');
  await page.getByText('张伟 · 900003 · 民警').click();
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('当前密码').fill('wrong-one');
  await dialog.getByLabel('新密码', { exact: true }).fill('new-pin-99');
  await dialog.getByLabel('确认新密码').fill('new-pin-99');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText('当前密码不正确');
  await dialog.getByLabel('当前密码').fill('123456');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('密码已修改');
  await page.getByRole('button', { name: '退出登录' }).click();
  await login(page, core.url, '900003', 'new-pin-99');
});

test('an admin saves a setting (保存), sees it in the audit log and checks the chain (校验)', async ({
  page,
  core,
}) => {
  await login(page, core.url, '900001');
  await page.getByRole('menuitem', { name: '管理' }).click();
  await page.getByRole('tab', { name: '设置' }).click();
  await expect(page.getByLabel('岗位名称')).toHaveValue('聊城交警 市医院岗');
  await page.getByLabel('时区').fill('Mars/Olympus');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('时区：不是有效的时区名称')).toBeVisible();
  await page.getByLabel('时区').fill('Asia/Shanghai');
  await page.getByLabel('岗位名称').fill('东昌府 市医院岗');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('设置已保存');
  await expect(page.locator('.booth-post')).toHaveText('东昌府 市医院岗');

  // The change is in the audit log, and 校验 finds the chain intact.
  await page.getByRole('tab', { name: '审计' }).click();
  await page.getByLabel('操作人').fill('900001');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('row', { name: /修改设置/ })).toContainText('东昌府 市医院岗');
  await page.getByRole('button', { name: '校验' }).click();
  await expect(page.getByRole('status')).toContainText(/审计链完整：共 \d+ 条，最新序号 \d+，哈希 [0-9a-f]{64}/);
});

test('a backup then a restore brings the data back to the backup’s state', async ({ page, core }) => {
  await login(page, core.url, '900001');
  await page.getByRole('menuitem', { name: '管理' }).click();
  await page.getByRole('tab', { name: '备份' }).click();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByRole('status')).toContainText('备份完成');
  const backupRow = page.getByTestId('backup-files').getByRole('row', { name: /greenpost-\d{8}-\d{6}\.db/ });
  await expect(backupRow).toHaveCount(1);

  // Work done after the backup: a new officer.
  await page.getByRole('tab', { name: '民警' }).click();
  await page.getByRole('button', { name: '新增民警' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('警号').fill('310002');
  await dialog.getByLabel('姓名').fill('备份后');
  await dialog.getByLabel('初始密码').fill('after-pin-1');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('row', { name: /310002/ })).toBeVisible();

  await page.getByRole('tab', { name: '备份' }).click();
  await backupRow.getByRole('button', { name: '恢复' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '恢复' }).click();
  await expect(page.getByRole('status')).toContainText('已恢复');
  // Every screen reconnected to the restored database: the officer added after the backup is gone.
  await page.getByRole('tab', { name: '民警' }).click();
  await expect(page.getByRole('row', { name: /900004/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /310002/ })).toHaveCount(0);
  // The audit log of the restored database records the restore itself.
  await page.getByRole('tab', { name: '审计' }).click();
  // By name and badge, in words (issue 16 item 8), not `officer:900001`.
  await expect(page.getByRole('row', { name: /恢复备份/ })).toContainText('王建国 · 900001');
});
