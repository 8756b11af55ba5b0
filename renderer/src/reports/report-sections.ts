import type { TFunction } from 'i18next';
import type { MonthReport } from '../../../shared/contract/reports';
import type { ChartSpec } from './chart-spec';
import {
  advisorySpec,
  comparisonSpec,
  escortSpecs,
  helmetFiguresSpec,
  helmetSpecs,
  yearSpec,
  type Lang,
} from './report-charts';

export function officerSpec(r: MonthReport, t: TFunction, withNames = true): ChartSpec {
  const list = r.month.escorts.byOfficer;
  return {
    key: 'officer',
    title: t('reports.byOfficer'),
    kind: 'bar',
    categoryTitle: withNames ? `${t('reports.name')} / ${t('reports.badge')}` : t('reports.badge'),
    categories: list.map((o) => (withNames ? `${o.name} ${o.badge}` : o.badge)),
    series: [
      { name: t('reports.escorts'), values: list.map((o) => o.escorts) },
      { name: t('reports.handedOver'), values: list.map((o) => o.handedOver) },
      { name: t('reports.cancelledOutcome'), values: list.map((o) => o.cancelled) },
    ],
    line: { name: t('reports.medianToHandover'), values: list.map((o) => o.medianRequestToHandover) },
  };
}

/** Every chart of the report in reading order: the screen and the print layout both walk this list. */
export function reportSpecs(r: MonthReport, t: TFunction, lang: Lang, withNames: boolean) {
  const [outcome, source, condition, vehicle, destination, intervals, hour] = escortSpecs(r, t, lang) as ChartSpec[];
  return {
    compare: comparisonSpec(r, t),
    outcome: outcome!,
    source: source!,
    condition: condition!,
    vehicle: vehicle!,
    destination: destination!,
    intervals: intervals!,
    hour: hour!,
    officer: officerSpec(r, t, withNames),
    advisory: advisorySpec(r, t, lang),
    helmetFigures: helmetFiguresSpec(r, t, lang),
    helmet: helmetSpecs(r, t, lang),
    year: yearSpec(r, t),
  };
}

export type ReportSpecs = ReturnType<typeof reportSpecs>;
