import { Card, Col, Empty, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MonthReport } from '../../../shared/contract/reports';
import { formatLocal } from '../../../shared/domain/time';
import { ChartCard } from './ChartCard';
import { DoorTimesCard } from './DoorTimesTable';
import { HelmetFigures } from './HelmetFigures';
import type { Lang } from './report-charts';
import type { ReportSpecs } from './report-sections';

const half = { xs: 24, xl: 12 } as const;
/** The helmet charts and 劝导 share a row: field enforcement beside the escorts above. */
const third = { xs: 24, lg: 12, xl: 8 } as const;
const dash = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v);
const withUnit = (v: number | null, unit?: string) => (v === null || !unit ? dash(v) : `${v} ${unit}`);

/** The 统计报表 screen body: headline figures, then every chart (each switchable to its table). */
export function ReportView({ report, specs, lang }: { report: MonthReport; specs: ReportSpecs; lang: Lang }) {
  const { t } = useTranslation();
  const m = report.month;
  const s = report.sinceOpening;
  const minutes = t('reports.minutesUnit');
  /** Title, this month, last month, same month last year, and the unit when the figure has one. */
  const headline: [string, number | null, number | null, number | null, string?][] = [
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
      minutes,
    ],
    [
      t('reports.advisories'),
      m.advisories.total,
      report.previousMonth.advisories.total,
      report.sameMonthLastYear.advisories.total,
    ],
    [
      t('reports.helmetStops'),
      m.helmet.stops,
      report.previousMonth.helmet.stops,
      report.sameMonthLastYear.helmet.stops,
    ],
  ];
  const since: [string, number][] = [
    [t('reports.escorts'), s.escorts],
    [t('reports.advisories'), s.advisories],
    [t('reports.helmetStops'), s.helmetStops],
    [t('reports.educationsCompleted'), s.educationsCompleted],
  ];
  return (
    <Row gutter={[12, 12]}>
      {headline.map(([title, now, prev, lastYear, unit]) => (
        <Col key={title} className="report-headline">
          <Card size="small" data-testid={`headline-${title}`} style={{ height: '100%' }}>
            <Statistic title={title} value={dash(now)} suffix={now === null ? undefined : unit} />
            <div className="report-compare">
              {t('reports.previousMonth')} {withUnit(prev, unit)} · {t('reports.lastYear')} {withUnit(lastYear, unit)}
            </div>
          </Card>
        </Col>
      ))}
      <Col className="report-headline-wide">
        <Card size="small" data-testid="since-opening" style={{ height: '100%' }}>
          <div className="report-since-title">{t('reports.sinceOpening')}</div>
          <Row gutter={12}>
            {since.map(([title, value]) => (
              <Col key={title} span={6}>
                <Statistic title={title} value={value} styles={{ content: { fontSize: 20 } }} />
              </Col>
            ))}
          </Row>
          <div className="report-compare">
            {t('reports.since')} {s.since === null ? '—' : formatLocal(s.since, report.timeZone)}
          </div>
        </Card>
      </Col>
      {m.escorts.requests + m.advisories.total + m.helmet.stops === 0 && (
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
        <DoorTimesCard doorTimes={report.doorTimes} lang={lang} />
      </Col>
      <Col span={24}>
        <ChartCard spec={specs.hour} height={240} />
      </Col>
      <Col span={24}>
        <HelmetFigures spec={specs.helmetFigures} />
      </Col>
      {[...specs.helmet, specs.advisory].map((spec) => (
        <Col key={spec.key} {...third}>
          <ChartCard spec={spec} height={280} />
        </Col>
      ))}
      <Col span={24}>
        <ChartCard spec={specs.year} height={280} />
      </Col>
    </Row>
  );
}
