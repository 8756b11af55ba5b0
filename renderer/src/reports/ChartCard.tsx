import { Card, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chartOption, type ChartSpec } from './chart-spec';
import { EChart } from './EChart';
import { SpecTable } from './SpecTable';

/** A chart with a 图表 / 数据表 switch: the same numbers either way. */
export function ChartCard({ spec, height = 260 }: { spec: ChartSpec; height?: number }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const option = useMemo(() => chartOption(spec), [spec]);
  return (
    <Card
      size="small"
      title={spec.title}
      data-testid={`chart-${spec.key}`}
      extra={
        <Segmented
          size="small"
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          options={[
            { value: 'chart', label: t('reports.chart') },
            { value: 'table', label: t('reports.table') },
          ]}
        />
      }
    >
      {view === 'chart' ? <EChart option={option} height={height} label={spec.title} /> : <SpecTable spec={spec} />}
    </Card>
  );
}
