import { useTranslation } from 'react-i18next';
import { stepLabels, type EscortStatus } from '../../../../shared/domain/escort-kinds';

type Vocabulary = Record<string, { zh: string; en: string }>;

/** Code → label in the screen's language (the vocabulary lives in shared/domain/escort-kinds.ts). */
export function useLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const label = (vocabulary: Vocabulary, code: string | null | undefined) =>
    code ? (vocabulary[code]?.[lang] ?? code) : '';
  const options = (vocabulary: Vocabulary, order: readonly string[] = Object.keys(vocabulary)) =>
    order.map((value) => ({ value, label: vocabulary[value]![lang] }));
  const step = (s: EscortStatus) => stepLabels[s][lang];
  return { label, options, step, lang };
}
