import { join } from 'node:path';
import { expect, login, pairKiosk, test } from './fixtures';

const videos = join(import.meta.dirname, '../../resources/videos');
const TITLE = '上传的测试短片';

// No helmetVideoOverride here: the kiosk must get the video because an admin assigned it.
// Two browsers, an upload and a real video on a shared, busy machine: generous.
test.describe.configure({ timeout: 180_000 });

test('an uploaded short video with captions, assigned to first-time riders, plays on a paired kiosk', async ({ browser, core }) => {
  const admin = await (await browser.newContext()).newPage();
  await login(admin, core.url, '900001');
  await admin.getByRole('menuitem', { name: '管理' }).click();
  await admin.getByRole('tab', { name: '内容' }).click();

  // A captions file picked as the video is refused by its bytes, with the core's reason; nothing is added.
  await admin.getByRole('button', { name: '上传视频' }).click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByLabel('视频标题').fill(TITLE);
  await dialog.getByLabel('视频文件').setInputFiles(join(videos, 'test-short.zh.vtt'));
  await dialog.getByLabel('字幕文件').setInputFiles(join(videos, 'test-short.zh.vtt'));
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText('不是 WebM 或 MP4 视频');
  await expect(admin.getByRole('row', { name: new RegExp(TITLE) })).toHaveCount(0);

  // The real video: both files go up, the row appears with captions and its length.
  await dialog.getByLabel('视频文件').setInputFiles(join(videos, 'test-short.webm'));
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(admin.getByRole('status').filter({ hasText: '已上传' })).toContainText(`已上传「${TITLE}」`);
  const row = admin.getByRole('row', { name: new RegExp(TITLE) });
  await expect(row).toContainText('6秒');
  await expect(row).toContainText('WEBM');
  await expect(row).toContainText('上传');

  await admin.getByLabel('首次违法者观看').click();
  // Ant Design's listbox exposes only the options near the active one; the drawn item is clicked.
  await admin.locator('.ant-select-item-option', { hasText: TITLE }).click();
  await expect(admin.getByRole('status').filter({ hasText: '已改为' })).toContainText(`首次违法者观看的视频已改为「${TITLE}」`);
  await expect(row).toContainText('首次违法者');

  // An officer offers a first-time rider's stop to a paired kiosk.
  const booth = await (await browser.newContext()).newPage();
  const kiosk = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true })).newPage();
  await login(booth, core.url, '900003');
  await pairKiosk(booth, kiosk, core.kioskUrl);
  await booth.getByRole('menuitem', { name: '头盔教育' }).click();
  await booth.getByRole('button', { name: '新建查处' }).click();
  await booth.getByLabel('号牌').fill('鲁P·U1234');
  await booth.getByRole('button', { name: '保存' }).click();
  const stop = booth.getByRole('row').filter({ hasText: '鲁PU1234' });
  await stop.getByRole('button', { name: '推送到教育屏' }).click();
  await expect(kiosk.getByTestId('kiosk-choice')).toBeVisible();

  // What the player did while the six seconds played: the file it loaded, how far it got, captions.
  await kiosk.evaluate(() => {
    document.addEventListener(
      'timeupdate',
      (e) => {
        const v = e.target as HTMLVideoElement;
        const w = window as unknown as { played?: { src: string; time: number; captions: boolean } };
        const captions =
          [...v.textTracks].some((t) => t.kind === 'captions' && t.mode === 'showing') ||
          /这是测试视频|请戴好头盔/.test(document.querySelector('.vjs-text-track-display')?.textContent ?? '');
        w.played = {
          src: v.currentSrc,
          time: Math.max(w.played?.time ?? 0, v.currentTime),
          captions: (w.played?.captions ?? false) || captions,
        };
      },
      true,
    );
  });
  await kiosk.getByRole('button', { name: '观看教育视频' }).click();
  const played = () => kiosk.evaluate(() => (window as unknown as { played?: { src: string; time: number; captions: boolean } }).played);
  await expect.poll(async () => (await played())?.time ?? 0).toBeGreaterThan(1);
  const seen = (await played())!;
  expect(seen.src).toMatch(/\/uploads\/[0-9a-f]{20}\.webm$/);
  await expect.poll(async () => (await played())?.captions).toBe(true);
  // The captions shown came from the upload too (video.js takes the <track> out of the DOM; the fetch remains).
  const fetched = await kiosk.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(fetched.some((url) => /\/uploads\/[0-9a-f]{20}\.vtt$/.test(url))).toBe(true);
  // The booth follows the rider watching the uploaded video.
  await expect(stop).toContainText('观看视频');
});
