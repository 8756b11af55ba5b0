import i18next from 'i18next';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { choiceReading, legalReading, quizReading } from '../shared/domain/narration';
import { defaultSettings } from '../shared/domain/settings';
import { zh } from '../shared/i18n/zh';

/**
 * Every text the kiosk reads aloud as shipped: the choice screen for each fine, video length and quiz size
 * a fresh install can show, the default legal text, and every seeded quiz question and answer. The strings
 * are rendered by i18next from the same catalogue and the same shared reading order as the kiosk, so a clip
 * made from this list matches what the kiosk shows character for character.
 *
 * Used by scripts/make-narration.ts (to make the clips) and tests/unit/narration-manifest.test.ts (to prove
 * none is missing or stale).
 */
const root = resolve(import.meta.dirname, '..');
const readJson = <T>(rel: string) => JSON.parse(readFileSync(join(root, rel), 'utf8')) as T;

export async function shippedNarrationTexts(): Promise<string[]> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: zh } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const t = i18n.t.bind(i18n);
  const videos = readJson<{ durationSec: number }[]>('resources/videos/manifest.json');
  const bank = readJson<{ question: string; options: string[] }[]>('resources/quiz/bank.json');
  const s = defaultSettings;

  const texts: string[] = [];
  // The same rounding as ChoiceScreen.
  const minutes = [...new Set(videos.map((v) => Math.max(1, Math.round(v.durationSec / 60))))];
  const counts = [...new Set([s.helmetQuizQuestionsFirst, s.helmetQuizQuestionsRepeat])];
  const fines = [...new Set([s.helmetFineFirstYuan, s.helmetFineRepeatYuan])];
  for (const m of minutes)
    for (const count of counts)
      for (const yuan of fines)
        for (const motorcycle of [false, true])
          texts.push(
            ...choiceReading({
              title: t('helmet.kiosk.choice.title'),
              lead: t('helmet.kiosk.choice.lead'),
              education: t('helmet.kiosk.choice.education'),
              educationDetail: t('helmet.kiosk.choice.educationDetail', { minutes: m, count }),
              fine: t('helmet.kiosk.choice.fine'),
              fineDetail: t('helmet.kiosk.choice.fineDetail', { yuan }),
              motorcycle: motorcycle ? t('helmet.kiosk.choice.motorcycle') : undefined,
            }),
          );
  texts.push(...legalReading(t('helmet.kiosk.choice.legal'), s.helmetLegalText));
  for (const q of bank) texts.push(...quizReading(q));
  return [...new Set(texts)];
}
