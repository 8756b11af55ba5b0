import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../shared/domain/escort-timeline';

/** formatDuration in the screen's language: 18分58秒, or 18 min 58 s in English. */
export function useDuration() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return (ms: number) => formatDuration(ms, lang);
}
