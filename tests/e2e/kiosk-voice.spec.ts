import type { Locator, Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import config from '../../playwright.config';
import { choiceReading, legalReading, quizReading, type NarrationManifest } from '../../shared/domain/narration';
import { defaultSettings } from '../../shared/domain/settings';
import { expect, test } from './fixtures';
import { answerQuiz, boothAndKiosk, newStop, sign } from './helmet-flow';

// 朗读 and 大字 on the kiosk (issue 13, item 5). Chromium runs here WITHOUT --autoplay-policy=
// no-user-gesture-required: the rider's real tap on 朗读 must be what lets the clip play.
const launch = config.use?.launchOptions ?? {};
test.use({
  settings: { helmetVideoOverride: 'test-short' },
  launchOptions: { ...launch, args: (launch.args ?? []).filter((a) => !a.startsWith('--autoplay-policy')) },
});
test.describe.configure({ timeout: 180_000 });

const manifest = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../resources/narration/manifest.json'), 'utf8'),
) as NarrationManifest;
const fileOf = (text: string) => {
  const clip = manifest.clips.find((c) => c.text === text);
  expect(clip, `a clip for «${text}»`).toBeDefined();
  return clip!.file;
};
const shots = '/tmp/shots-voice';
mkdirSync(shots, { recursive: true });

/** The narration <audio>: which clip it holds, and whether it is really playing (time moving). */
const audioState = (kiosk: Page) =>
  kiosk.getByTestId('narration-audio').evaluate((a: HTMLAudioElement) => ({
    file: a.currentSrc.split('/').pop() ?? '',
    time: a.currentTime,
    paused: a.paused,
  }));

/** Waits until the narration plays `file` and its time has advanced past `atLeast` seconds. */
async function expectPlaying(kiosk: Page, file: string, atLeast = 0.3) {
  await expect.poll(async () => (await audioState(kiosk)).file).toBe(file);
  await expect
    .poll(async () => {
      const s = await audioState(kiosk);
      return s.file === file && !s.paused ? s.time : -1;
    })
    .toBeGreaterThan(atLeast);
}

const fontPx = (l: Locator) => l.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));

/** Nothing of the screen sticks out sideways, and what is taller than the screen can be scrolled to. */
async function expectNothingCutOff(kiosk: Page) {
  const problems = await kiosk.evaluate(() => {
    const out: string[] = [];
    const w = document.documentElement.clientWidth;
    for (const el of document.querySelectorAll('main.kiosk-screen:not(.kiosk-prepared) *, .kiosk-aids *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (r.left < -1 || r.right > w + 1) out.push(`${el.tagName}.${el.className} x ${r.left}–${r.right} of ${w}`);
    }
    for (const main of document.querySelectorAll<HTMLElement>('main.kiosk-screen:not(.kiosk-prepared)')) {
      const clips = getComputedStyle(main).overflowY === 'hidden';
      if (main.scrollHeight > main.clientHeight + 1 && clips)
        out.push(`main cuts ${main.scrollHeight - main.clientHeight}px`);
      if (main.scrollWidth > main.clientWidth + 1)
        out.push(`main is ${main.scrollWidth - main.clientWidth}px too wide`);
      // Safe centring: the first line stays reachable (never above the scroll top).
      const first = main.firstElementChild?.getBoundingClientRect();
      if (first && first.top + main.scrollTop < main.getBoundingClientRect().top - 1) out.push('top cut off');
    }
    return out;
  });
  expect(problems).toEqual([]);
}

/** The current screen at both kiosk sizes, normal and 大字, saved for a person to look at. */
async function screenshots(kiosk: Page, name: string, large: Locator) {
  for (const [w, h] of [
    [1920, 1080],
    [1280, 800],
  ] as const) {
    await kiosk.setViewportSize({ width: w, height: h });
    for (const on of [false, true]) {
      if ((await large.getAttribute('aria-pressed')) !== String(on)) await large.click();
      await expect(large).toHaveAttribute('aria-pressed', String(on));
      await expectNothingCutOff(kiosk);
      await kiosk.screenshot({ path: join(shots, `${name}-${w}x${h}${on ? '-large' : ''}.png`) });
      // 大字 scrolls: the end of the screen too (and back to the top, where a rider starts).
      const screen = kiosk.locator('main.kiosk-screen:not(.kiosk-prepared)');
      if (on && (await screen.evaluate((m) => m.scrollHeight > m.clientHeight))) {
        await screen.evaluate((m) => m.scrollTo(0, m.scrollHeight));
        await kiosk.screenshot({ path: join(shots, `${name}-${w}x${h}-large-end.png`) });
        await screen.evaluate((m) => m.scrollTo(0, 0));
      }
    }
  }
}

test('朗读 plays the clip of the exact text shown; 大字 doubles the text; both last through the quiz and end at the attract loop', async ({
  browser,
  core,
}) => {
  const { booth, kiosk } = await boothAndKiosk(browser, core.url, core.kioskUrl);
  const row = await newStop(booth, { plate: '鲁P·V1301' });
  await row.getByRole('button', { name: '推送到教育屏' }).click();
  await expect(kiosk.getByTestId('kiosk-choice')).toBeVisible();

  // The choice, as test-short (about 1 minute), a first offence (5 questions, 20 yuan) shows it.
  const choice = choiceReading({
    title: '您骑行时未佩戴安全头盔',
    lead: '请选择处理方式',
    education: '观看教育视频',
    educationDetail: `观看约 1 分钟警示教育视频，回答 ${defaultSettings.helmetQuizQuestionsFirst} 道题，签署安全承诺，可免予罚款`,
    fine: '接受罚款',
    fineDetail: `罚款 ${defaultSettings.helmetFineFirstYuan} 元`,
  });
  for (const text of choice) await expect(kiosk.getByText(text, { exact: true })).toBeVisible();
  const readChoice = kiosk.getByRole('button', { name: '朗读选择说明', exact: true });
  await expect(readChoice).toBeEnabled();
  const box = (await readChoice.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
  await readChoice.click();
  await expectPlaying(kiosk, fileOf(choice[0]!));
  await expect(kiosk.getByRole('button', { name: '停止朗读' })).toBeVisible();
  // One clip ends and the next text's begins: the whole choice is read in order.
  await expectPlaying(kiosk, fileOf(choice[1]!), 0.1);
  await kiosk.getByRole('button', { name: '停止朗读' }).click();
  await expect.poll(async () => (await audioState(kiosk)).paused).toBe(true);

  // The legal text has its own 朗读.
  await kiosk.getByRole('button', { name: '朗读法律依据', exact: true }).click();
  await expectPlaying(kiosk, fileOf(legalReading('法律依据', defaultSettings.helmetLegalText)[0]!), 0.2);

  // 大字 doubles the computed size of what the rider reads, and the layout reflows.
  const large = kiosk.getByRole('button', { name: '大字', exact: true });
  const title = kiosk.getByRole('heading', { name: choice[0] });
  const legal = kiosk.locator('.kiosk-legal p');
  const [titlePx, legalPx] = [await fontPx(title), await fontPx(legal)];
  await large.click();
  await expect(large).toHaveAttribute('aria-pressed', 'true');
  expect(await fontPx(title)).toBeCloseTo(titlePx * 2, 1);
  expect(await fontPx(legal)).toBeCloseTo(legalPx * 2, 1);
  // (screenshots() leaves 大字 on.)
  await screenshots(kiosk, 'choice', large);
  await kiosk.setViewportSize({ width: 1280, height: 800 });
  await expect(large).toHaveAttribute('aria-pressed', 'true');

  // Into the quiz: 大字 is still on there.
  await kiosk.getByRole('button', { name: '观看教育视频' }).click();
  await expect(kiosk.getByTestId('kiosk-video')).toBeVisible();
  await expect(kiosk.getByTestId('kiosk-quiz')).toBeVisible({ timeout: 30_000 });
  await expect(large).toHaveAttribute('aria-pressed', 'true');
  const question = kiosk.locator('.kiosk-question');
  const bigQuestion = await fontPx(question);
  await large.click();
  expect(bigQuestion).toBeCloseTo((await fontPx(question)) * 2, 1);
  await large.click();

  // 朗读本题和选项 reads the question, then its answers in the order shown.
  const shown = {
    question: (await question.textContent())!,
    options: await kiosk.getByRole('radio').evaluateAll((rs) => rs.map((r) => r.lastChild?.textContent ?? '')),
  };
  const quizTexts = quizReading(shown);
  await kiosk.getByRole('button', { name: '朗读本题和选项', exact: true }).click();
  await expectPlaying(kiosk, fileOf(quizTexts[0]!));
  await expectPlaying(kiosk, fileOf(quizTexts[1]!), 0.1);
  // The answer being read is marked.
  await expect(kiosk.getByRole('radio').first()).toHaveClass(/kiosk-answer-reading/);

  // 自动朗读: each new question is read as it appears.
  const auto = kiosk.getByRole('button', { name: '自动朗读', exact: true });
  await auto.click();
  await expect(auto).toHaveAttribute('aria-pressed', 'true');
  await expectPlaying(kiosk, fileOf(quizTexts[0]!));
  await kiosk.getByRole('radio').first().click();
  await kiosk.getByRole('button', { name: '下一题' }).click();
  const second = (await question.textContent())!;
  expect(second).not.toBe(shown.question);
  await expectPlaying(kiosk, fileOf(second));
  await screenshots(kiosk, 'quiz', large);
  await kiosk.setViewportSize({ width: 1280, height: 800 });
  await kiosk.getByRole('button', { name: '上一题' }).click();
  await answerQuiz(kiosk);

  await expect(kiosk.getByTestId('kiosk-pledge')).toBeVisible();
  await expect(large).toHaveAttribute('aria-pressed', 'true');
  await expect(auto).toHaveAttribute('aria-pressed', 'true');
  await screenshots(kiosk, 'pledge', large);
  await kiosk.setViewportSize({ width: 1280, height: 800 });
  // In 大字 the pad is below the fold: the rider scrolls to it.
  await kiosk.getByTestId('signature-pad').scrollIntoViewIfNeeded();
  await sign(kiosk);
  await expect(kiosk.getByRole('heading', { name: '教育完成' })).toBeVisible();

  // The attract loop: both aids off, the narration silent; the next rider starts from the ordinary screen.
  await expect(kiosk.getByTestId('attract-loop')).toBeVisible({ timeout: 20_000 });
  expect(await kiosk.evaluate(() => document.documentElement.classList.contains('kiosk-large-text'))).toBe(false);
  expect((await audioState(kiosk)).paused).toBe(true);
  const next = await newStop(booth, { plate: '鲁P·V1302' });
  await next.getByRole('button', { name: '推送到教育屏' }).click();
  await expect(kiosk.getByTestId('kiosk-choice')).toBeVisible();
  await expect(large).toHaveAttribute('aria-pressed', 'false');
  await expect(auto).toHaveAttribute('aria-pressed', 'false');
  expect(await fontPx(title)).toBeCloseTo(titlePx, 1);
  expect((await audioState(kiosk)).paused).toBe(true);
});

test.describe('a text an admin changed', () => {
  test.use({
    settings: { helmetVideoOverride: 'test-short', helmetLegalText: '本岗测试用的法律依据文字，没有对应的语音。' },
  });

  test('has no 朗读 (暂无语音, disabled), and a clip that will not play says so', async ({ browser, core }) => {
    const { booth, kiosk } = await boothAndKiosk(browser, core.url, core.kioskUrl);
    const row = await newStop(booth, { plate: '鲁P·V1303' });
    await row.getByRole('button', { name: '推送到教育屏' }).click();
    await expect(kiosk.getByText('本岗测试用的法律依据文字')).toBeVisible();
    const legal = kiosk.getByRole('button', { name: '朗读法律依据（暂无语音）' });
    await expect(legal).toBeDisabled();
    await expect(legal).toHaveText('暂无语音');
    // The unchanged choice text still reads; a refused play() is told to the rider, not swallowed.
    await kiosk.evaluate(() => {
      HTMLMediaElement.prototype.play = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
    });
    await kiosk.getByRole('button', { name: '朗读选择说明', exact: true }).click();
    await expect(kiosk.getByRole('alert')).toHaveText(/语音无法播放/);
    await expect(kiosk.getByRole('button', { name: '朗读选择说明', exact: true })).toBeEnabled();
  });
});
