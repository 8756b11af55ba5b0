import { Alert, Card, Col, Empty, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MonthReport } from '../../../shared/contract/reports';
import { formatLocal } from '../../../shared/domain/time';
import { ChartCard } from './ChartCard';
import type { ReportSpecs } from './report-sections';

const half = { xs: 24, xl: 12 } as const;
const dash = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v);

/** The 统计报表 screen body: headline figures, then every chart (each switchable to its table). */
export function ReportView({ report, specs }: { report: MonthReport; specs: ReportSpecs }) {
  const { t } = useTranslation();
  const m = report.month;
  const s = report.sinceOpening;
  const headline: [string, number | null, number | null, number | null][] = [
    [t('reports.escorts'), m.escorts.total, report.previousMonth.escorts.total, report.sameMonthLastYear.escorts.total],
    [
      t('reports.handedOver'),
      m.escorts.handedOver,
      report.previousMonth.escorts.handedOver,
      report.sameMonthLastYear.escorts.handedOver,
    ],
    [
      `${t('reports.requestToHandover')} ${t('reports.median')}`,
      m.escorts.intervals.requestToHandover.median,
      report.previousMonth.escorts.intervals.requestToHandover.median,
      report.sameMonthLastYear.escorts.intervals.requestToHandover.median,
    ],
    [
      t('reports.advisories'),
      m.advisories.total,
      report.previousMonth.advisories.total,
      report.sameMonthLastYear.advisories.total,
    ],
  ];
  return (
    <Row gutter={[12, 12]}>
      {headline.map(([title, now, prev, lastYear]) => (
        <Col key={title} className="report-headline">
          <Card size="small" data-testid={`headline-${title}`} style={{ height: '100%' }}>
            <Statistic title={title} value={dash(now)} />
            <div className="report-compare">
              {t('reports.previousMonth')} {dash(prev)} · {t('reports.lastYear')} {dash(lastYear)}
            </div>
          </Card>
        </Col>
      ))}
      <Col className="report-headline-wide">
        <Card size="small" data-testid="since-opening" style={{ height: '100%' }}>
          <Row gutter={12}>
            <Col span={s.helmetStops === null ? 12 : 8}>
              <Statistic title={`${t('reports.sinceOpening')} · ${t('reports.escorts')}`} value={s.escorts} />
            </Col>
            <Col span={s.helmetStops === null ? 12 : 8}>
              <Statistic title={t('reports.advisories')} value={s.advisories} />
            </Col>
            {s.helmetStops !== null && (
              <Col span={8}>
                <Statistic title={t('reports.helmetStops')} value={s.helmetStops} />
              </Col>
            )}
          </Row>
          <div className="report-compare">
            {t('reports.since')} {s.since === null ? '—' : formatLocal(s.since, report.timeZone)}
          </div>
        </Card>
      </Col>
      {m.escorts.requests === 0 && (
        <Col span={24}>
          <Empty description={t('reports.noData')} />
        </Col>
      )}
      <Col {...half}>
        <ChartCard spec={specs.compare} />
      </Col>
      <Col {...half}>
        <ChartCard spec={specs.outcome} />
      </Col>
      <Col {...half}>
        <ChartCard spec={specs.source} />
      </Col>
      <Col {...half}>
        <ChartCard spec={specs.vehicle} />
      </Col>
      <Col {...half}>
        <ChartCard spec={specs.condition} height={300} />
      </Col>
      <Col {...half}>
        <ChartCard spec={specs.destination} height={300} />
      </Col>
      <Col {...half}>
        <ChartCard spec={specs.intervals} />
      </Col>
      <Col {...half}>
        <ChartCard spec={specs.officer} />
      </Col>
      <Col span={24}>
        <ChartCard spec={specs.hour} height={240} />
      </Col>
      <Col {...half}>
        <ChartCard spec={specs.advisory} />
      </Col>
      {specs.helmet.length ? (
        specs.helmet.map((spec) => (
          <Col key={spec.key} {...half}>
            <ChartCard spec={spec} />
          </Col>
        ))
      ) : (
        <Col {...half}>
          <Card size="small" title={t('reports.helmet')}>
            <Alert type="info" showIcon title={t('reports.helmetPending')} />
          </Card>
        </Col>
      )}
      <Col span={24}>
        <ChartCard spec={specs.year} height={280} />
      </Col>
    </Row>
  );
}
