import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverContents } from '../../../../shared/contract/handover';
import { HandoverSummary } from './HandoverSummary';
import { ShiftEscortTable } from './ShiftEscortTable';
import { useHandoverWords } from './useHandoverWords';

/** A handover on screen: the shift's figures and escorts on the left, the signing or the signed record beside. */
export function HandoverView({
  contents,
  aside,
  actions,
}: {
  contents: HandoverContents;
  aside: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const w = useHandoverWords(contents);
  return (
    <div className="handover-layout">
      <div className="handover-main">
        <div className="handover-head">
          <h2>{w.title}</h2>
          <span>{t('punct.labelled', { label: t('handover.shiftWindow'), value: w.window })}</span>
          <span>{t('punct.labelled', { label: t('handover.asOf'), value: w.at(contents.asOf) })}</span>
          <span className="handover-actions">{actions}</span>
        </div>
        <HandoverSummary contents={contents} />
        <h3>{t('handover.shiftEscorts')}</h3>
        <ShiftEscortTable contents={contents} />
      </div>
      <aside className="handover-aside">{aside}</aside>
    </div>
  );
}
