import { Card, Segmented, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shownValue, type ChartSpec } from './chart-spec';
import { SpecTable } from './SpecTable';

/**
 * The month's helmet figures as statistic cards, each with the previous month and the same month last
 * year under it, or (数据表) the same three columns as a table: the numbers the 头盔 export carries.
 */
export function HelmetFigures({ spec }: { spec: ChartSpec }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'cards' | 'table'>('cards');
  const [month, prev, lastYear] = spec.series;
  return (
    <Card
      size="small"
      title={spec.title}
      data-testid="helmet-figures"
      extra={
        <Segmented
          size="small"
          value={view}
          onChange={(v) => setView(v as 'cards' | 'table')}
          options={[
            { value: 'cards', label: t('reports.figures') },
            { value: 'table', label: t('reports.table') },
          ]}
        />
      }
    >
      {view === 'table' ? (
        <SpecTable spec={spec} />
      ) : (
        <div className="helmet-figures">
          {spec.categories.map((name, i) => (
            <div key={name} className="helmet-figure" data-testid={`helmet-figure-${name}`}>
              <Statistic title={name} value={shownValue(month?.values[i])} />
              <div className="report-compare">
                {t('reports.previousMonth')} {shownValue(prev?.values[i])} · {t('reports.lastYear')}{' '}
                {shownValue(lastYear?.values[i])}
              </div>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
