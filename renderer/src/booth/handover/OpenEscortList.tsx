import { Checkbox, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverContents } from '../../../../shared/contract/handover';
import { useHandoverWords } from './useHandoverWords';

/**
 * The escorts still open at handover. With `selectable`, each carries a take-over checkbox (inside
 * the form's Checkbox.Group): the incoming officer takes each one over by name, not all at a stroke.
 */
export function OpenEscortList({ contents, selectable = false }: { contents: HandoverContents; selectable?: boolean }) {
  const { t } = useTranslation();
  const w = useHandoverWords(contents);
  if (contents.openEscorts.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('handover.noOpenEscorts')} />;
  return (
    <ul className="handover-open" data-testid="handover-open">
      {contents.openEscorts.map((e) => (
        <li key={e.id}>
          <div className="handover-open-head">
            <strong>{e.plate}</strong>
            <span>{w.step(e.status)}</span>
            <span>{w.at(e.requestedAt)}</span>
          </div>
          <div className="handover-open-crew">
            {t('punct.labelled', { label: t('handover.crew'), value: w.crew(e.officers) })}
          </div>
          {selectable && (
            <Checkbox value={e.id} className="handover-take-over">
              {t('handover.takeOver')}
            </Checkbox>
          )}
        </li>
      ))}
    </ul>
  );
}
