import { useTranslation } from 'react-i18next';
import type { EscortOfficer } from '../../../../shared/contract/escorts';
import type { HandoverContents } from '../../../../shared/contract/handover';
import { shiftLabels } from '../../../../shared/domain/shift';
import { formatLocal } from '../../../../shared/domain/time';
import { useLabels } from '../escorts/labels';

/** A handover's words in the screen's language, its times on the post's wall clock. */
export function useHandoverWords(
  contents: Pick<HandoverContents, 'timeZone' | 'shift' | 'shiftDate' | 'shiftStart' | 'shiftEnd'>,
) {
  const { t } = useTranslation();
  const labels = useLabels();
  const lang = labels.lang === 'en' ? ('en' as const) : ('zh' as const);
  const at = (ms: number) => formatLocal(ms, contents.timeZone);
  const person = (o: EscortOfficer) => t('punct.aside', { text: o.name, note: o.badge });
  return {
    ...labels,
    lang,
    at,
    person,
    crew: (officers: EscortOfficer[]) => officers.map((o) => o.name).join('、'),
    title: t('handover.title', { date: contents.shiftDate, shift: shiftLabels[contents.shift][lang] }),
    // A night shift ends the next morning: its end then shows the date too (MM-DD HH:mm).
    window: `${at(contents.shiftStart)} – ${at(contents.shiftEnd).slice(contents.shiftDate === at(contents.shiftEnd).slice(0, 10) ? 11 : 5)}`,
  };
}
