import { Alert, Button, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityFigures, CityPostColumn } from '../../../shared/contract/city-dashboard';
import { formatTime } from '../admin/format';
import { useConnectionState } from '../net/useConnection';
import { ChartCard } from '../reports/ChartCard';
import { printReport } from '../reports/native-bridge';
import { cityCharts } from './city-charts';
import { useCityDashboard, type Notice } from './useCityDashboard';
import './city.css';

type Row = CityFigures & { key: string; name: string; lastIngestAt?: number | null };

/** 全市统计 (a chief on the city server): every post side by side for a month or a year, charted and exported. */
export function CityDashboardPage() {
  const { t } = useTranslation();
  const timeZone = useConnectionState().hello?.timeZone ?? 'Asia/Shanghai';
  const { period, setPeriod, dashboard, error, busy, exportFile } = useCityDashboard();
  const [notice, setNotice] = useState<Notice>();
  const charts = useMemo(() => (dashboard ? cityCharts(dashboard, t) : []), [dashboard, t]);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 12 }, (_, i) => thisYear - 10 + i).filter((y) => y >= 2000);

  const rows: Row[] = dashboard
    ? [
        ...dashboard.posts.map((p: CityPostColumn) => ({ ...p, key: String(p.postId) })),
        { ...dashboard.totals, key: 'total', name: t('city.dashboard.total') },
      ]
    : [];
  const num = (k: keyof CityFigures) => ({
    title: t(`city.dashboard.${columnWords[k]}`),
    dataIndex: k,
    align: 'right' as const,
    render: (v: number | null) => v ?? '—',
  });

  return (
    <div className="city-dashboard">
      <div className="city-toolbar">
        <h2>{t('city.dashboard.title')}</h2>
        <Select
          aria-label={t('city.dashboard.period')}
          value={period.month === null ? 'year' : 'month'}
          style={{ width: 96 }}
          onChange={(v) => setPeriod({ year: period.year, month: v === 'year' ? null : (period.month ?? 1) })}
          options={[
            { value: 'month', label: t('city.dashboard.month') },
            { value: 'year', label: t('city.dashboard.year') },
          ]}
        />
        <Select
          aria-label={t('reports.year')}
          value={period.year}
          virtual={false}
          style={{ width: 104 }}
          onChange={(year) => setPeriod({ ...period, year })}
          options={years.map((y) => ({ value: y, label: `${y}` }))}
        />
        {period.month !== null && (
          <Select
            aria-label={t('reports.month')}
            value={period.month}
            virtual={false}
            style={{ width: 96 }}
            onChange={(month) => setPeriod({ ...period, month })}
            options={(t('reports.monthNames', { returnObjects: true }) as string[]).map((label, i) => ({
              value: i + 1,
              label,
            }))}
          />
        )}
        <Space className="city-exports">
          <Button disabled={busy || !dashboard} onClick={() => void exportFile('csv').then(setNotice)}>
            {t('city.dashboard.exportCsv')}
          </Button>
          <Button disabled={busy || !dashboard} onClick={() => void exportFile('xlsx').then(setNotice)}>
            {t('city.dashboard.exportXlsx')}
          </Button>
          <Button
            type="primary"
            disabled={busy || !dashboard}
            onClick={() => void printReport(`全市统计-${period.year}${period.month ? `-${period.month}` : ''}.pdf`)}
          >
            {t('city.dashboard.print')}
          </Button>
        </Space>
      </div>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      {notice && (
        <Alert
          type={notice.type}
          showIcon
          role="status"
          title={notice.type === 'success' ? t('reports.saved', { name: notice.text }) : notice.text}
          closable={{ onClose: () => setNotice(undefined) }}
        />
      )}
      <Typography.Paragraph type="secondary" className="city-note">
        {t('city.dashboard.note')}
      </Typography.Paragraph>
      {dashboard && dashboard.posts.length === 0 ? (
        <Alert type="info" showIcon title={t('city.dashboard.noPosts')} />
      ) : (
        <>
          <Table<Row>
            size="small"
            bordered
            pagination={false}
            loading={!dashboard}
            dataSource={rows}
            scroll={{ x: 'max-content' }}
            data-testid="city-table"
            rowClassName={(r) => (r.key === 'total' ? 'city-total' : '')}
            columns={[
              { title: t('city.dashboard.post'), dataIndex: 'name', fixed: 'left' },
              ...(Object.keys(columnWords) as (keyof CityFigures)[]).map(num),
              {
                title: t('city.dashboard.lastIngest'),
                dataIndex: 'lastIngestAt',
                render: (at: number | null | undefined) =>
                  at === undefined ? '' : at === null ? t('city.posts.never') : formatTime(at, timeZone),
              },
            ]}
          />
          <div className="city-charts">
            {charts.map((spec) => (
              <ChartCard key={spec.key} spec={spec} height={300} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

/** Table columns in order, each with its word in city.dashboard. */
const columnWords: Record<keyof CityFigures, string> = {
  escorts: 'escorts',
  handedOver: 'handedOver',
  cancelled: 'cancelled',
  medianRequestToHandover: 'median',
  p90RequestToHandover: 'p90',
  helmetStops: 'helmetStops',
  educationsCompleted: 'educations',
  fines: 'fines',
  fineYuan: 'fineYuan',
  advisories: 'advisories',
};
