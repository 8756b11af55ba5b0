import { Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EscortCounters } from '../../../../shared/contract/escorts';

/** Today, this month, this year and since the post opened (累计护送 人次). */
export function CountersBar({ counters }: { counters: EscortCounters }) {
  const { t } = useTranslation();
  const items = [
    ['today', counters.today],
    ['month', counters.month],
    ['year', counters.year],
    ['sinceOpening', counters.sinceOpening],
  ] as const;
  return (
    <div className="escort-counters" data-testid="escort-counters">
      {items.map(([key, value]) => (
        <Statistic key={key} title={t(`escorts.${key}`)} value={value} groupSeparator="," />
      ))}
    </div>
  );
}
