import type { Browser, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, login, pairKiosk } from './fixtures';

// The steps of a helmet stop that several specs walk: the booth opens it, the rider answers on the kiosk.

const bank = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/quiz/bank.json'), 'utf8')) as {
  question: string;
  options: string[];
  answer: number;
}[];

/** A signed-in booth (on 头盔教育) and a kiosk paired with it, each in its own browser context. */
export async function boothAndKiosk(browser: Browser, url: string, kioskUrl: string, badge = '900003') {
  const booth = await (await browser.newContext()).newPage();
  const kiosk = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true })).newPage();
  await login(booth, url, badge);
  await pairKiosk(booth, kiosk, kioskUrl);
  await booth.getByRole('menuitem', { name: '头盔教育' }).click();
  return { booth, kiosk };
}

export async function newStop(booth: Page, fields: { plate: string; id?: string; name?: string; phone?: string }) {
  await booth.getByRole('button', { name: '新建查处' }).click();
  await booth.getByLabel('号牌').fill(fields.plate);
  if (fields.id) await booth.getByLabel('身份证号').fill(fields.id);
  if (fields.phone) await booth.getByLabel('手机号').fill(fields.phone);
  if (fields.name) await booth.getByLabel('姓名').fill(fields.name);
  await booth.getByRole('button', { name: '保存' }).click();
  // The list shows the plate as stored: without the dot.
  const row = booth.getByRole('row').filter({ hasText: fields.plate.replace('·', '') });
  await expect(row).toBeVisible();
  return row;
}

/** Answers every question of the quiz on screen, each right (from the bank) or each wrong. */
export async function answerQuiz(kiosk: Page, correctly = true) {
  await expect(kiosk.getByTestId('kiosk-quiz')).toBeVisible();
  const total = Number(/\/ (\d+) 题/.exec((await kiosk.locator('.kiosk-quiz-head').textContent()) ?? '')?.[1]);
  for (let i = 0; i < total; i++) {
    const text = (await kiosk.locator('.kiosk-question').textContent())!;
    const q = bank.find((b) => b.question === text)!;
    await kiosk
      .getByRole('radio')
      .nth(correctly ? q.answer : (q.answer + 1) % q.options.length)
      .click();
    await kiosk.getByRole('button', { name: i === total - 1 ? '提交答案' : '下一题' }).click();
  }
}

export async function sign(kiosk: Page) {
  const pad = kiosk.getByTestId('signature-pad');
  const box = (await pad.boundingBox())!;
  await kiosk.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.6);
  await kiosk.mouse.down();
  for (let i = 1; i <= 20; i++)
    await kiosk.mouse.move(box.x + box.width * (0.2 + i * 0.03), box.y + box.height * (0.6 - Math.sin(i / 3) * 0.3));
  await kiosk.mouse.up();
  await kiosk.getByRole('button', { name: '确认签名' }).click();
}
