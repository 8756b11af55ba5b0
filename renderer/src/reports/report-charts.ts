import type { TFunction } from 'i18next';
import type { CodeCounts, HelmetTally, MonthReport, MonthTally } from '../../../shared/contract/reports';
import {
  advisoryKinds,
  conditions,
  destinations,
  requestSources,
  vehicleKinds,
} from '../../../shared/domain/escort-kinds';
import { helmetVehicles, type HelmetVehicle } from '../../../shared/domain/helmet';
import type { ChartSpec } from './chart-spec';

type Labels = Record<string, { zh: string; en: string }>;
export type Lang = 'zh' | 'en';

const monthName = (t: { year: number; month: number }) => `${t.year}-${String(t.month).padStart(2, '0')}`;

/** Categories of a count map in vocabulary order; `unset` only when some record was left blank. */
function countsSpec(
  key: string,
  title: string,
  counts: CodeCounts,
  labels: Labels,
  lang: Lang,
  t: TFunction,
  kind: ChartSpec['kind'] = 'bar',
): ChartSpec {
  const codes = Object.keys(counts).filter((c) => c !== 'unset' || counts[c]! > 0);
  return {
    key,
    title,
    kind,
    categoryTitle: t('reports.category'),
    categories: codes.map((c) => (c === 'unset' ? t('reports.unset') : (labels[c]?.[lang] ?? c))),
    series: [{ name: t('reports.count'), values: codes.map((c) => counts[c]!) }],
  };
}

/** This month, the previous month and the same month last year, named with their months. */
const monthColumns = (r: MonthReport, t: TFunction): [string, MonthTally][] => [
  [`${t('reports.thisMonth')} ${monthName(r.month)}`, r.month],
  [`${t('reports.previousMonth')} ${monthName(r.previousMonth)}`, r.previousMonth],
  [`${t('reports.lastYear')} ${monthName(r.sameMonthLastYear)}`, r.sameMonthLastYear],
];

export function comparisonSpec(r: MonthReport, t: TFunction): ChartSpec {
  const cols = monthColumns(r, t);
  const rows: [string, (m: MonthTally) => number | null][] = [
    [t('reports.requests'), (m) => m.escorts.requests],
    [t('reports.escorts'), (m) => m.escorts.total],
    [t('reports.handedOver'), (m) => m.escorts.handedOver],
    [t('reports.cancelledOutcome'), (m) => m.escorts.cancelled],
    [t('reports.advisories'), (m) => m.advisories.total],
    [t('reports.helmetStops'), (m) => m.helmet.stops],
    [t('reports.educationsCompleted'), (m) => m.helmet.completed],
  ];
  return {
    key: 'compare',
    title: t('reports.compare'),
    kind: 'bar',
    categoryTitle: t('reports.category'),
    categories: rows.map(([name]) => name),
    series: cols.map(([name, m]) => ({ name, values: rows.map(([, pick]) => pick(m)) })),
  };
}

export function escortSpecs(r: MonthReport, t: TFunction, lang: Lang): ChartSpec[] {
  const e = r.month.escorts;
  const iv = e.intervals;
  const intervals: [string, typeof iv.requestToMet][] = [
    [t('reports.requestToMet'), iv.requestToMet],
    [t('reports.metToArrived'), iv.metToArrived],
    [t('reports.requestToHandover'), iv.requestToHandover],
  ];
  return [
    {
      key: 'outcome',
      title: t('reports.outcome'),
      kind: 'pie',
      categoryTitle: t('reports.outcome'),
      categories: [t('reports.handedOver'), t('reports.cancelledOutcome'), t('reports.open')],
      series: [{ name: t('reports.count'), values: [e.handedOver, e.cancelled, e.open] }],
    },
    countsSpec('source', t('reports.bySource'), e.bySource, requestSources, lang, t),
    countsSpec('condition', t('reports.byCondition'), e.byCondition, conditions, lang, t, 'hbar'),
    countsSpec('vehicle', t('reports.byVehicle'), e.byVehicle, vehicleKinds, lang, t),
    countsSpec('destination', t('reports.byDestination'), e.byDestination, destinations, lang, t, 'hbar'),
    {
      key: 'intervals',
      title: t('reports.intervals'),
      kind: 'bar',
      categoryTitle: t('reports.category'),
      categories: intervals.map(([name, s]) => t('punct.aside', { text: name, note: `n=${s.count}` })),
      series: (['median', 'p90', 'mean', 'max'] as const).map((k) => ({
        name: t(`reports.${k}`),
        values: intervals.map(([, s]) => s[k]),
      })),
    },
    {
      key: 'hour',
      title: t('reports.byHour'),
      kind: 'bar',
      categoryTitle: t('reports.hour'),
      categories: e.byHour.map((_n, h) => String(h).padStart(2, '0')),
      series: [{ name: t('reports.requests'), values: e.byHour }],
    },
  ];
}

export const advisorySpec = (r: MonthReport, t: TFunction, lang: Lang): ChartSpec =>
  countsSpec('advisory', t('reports.advisoryKinds'), r.month.advisories.byKind, advisoryKinds, lang, t);

/**
 * Every helmet figure of the month beside the previous month and the same month last year: the
 * statistic cards show it on screen and the print layout prints it as a table.
 */
export function helmetFiguresSpec(r: MonthReport, t: TFunction, lang: Lang): ChartSpec {
  const rows: [string, (h: HelmetTally) => number | null][] = [
    [t('reports.helmetStops'), (h) => h.stops],
    ...Object.keys(r.month.helmet.byVehicle).map((code): [string, (h: HelmetTally) => number | null] => [
      helmetVehicles[code as HelmetVehicle]?.[lang] ?? code,
      (h) => h.byVehicle[code] ?? 0,
    ]),
    [t('reports.eligible'), (h) => h.eligible],
    [t('reports.offered'), (h) => h.offered],
    [t('reports.chosen'), (h) => h.chosen],
    [t('reports.educationsCompleted'), (h) => h.completed],
    [t('reports.abandoned'), (h) => h.abandoned],
    [t('reports.fines'), (h) => h.fines],
    [t('reports.fineYuan'), (h) => h.fineYuan],
    [t('reports.repeatRiders'), (h) => h.repeatRiders],
    [t('reports.meanMinutesWatched'), (h) => h.meanMinutesWatched],
    [t('reports.quizFirstTryPass'), (h) => h.quizFirstTryPassPercent],
  ];
  return {
    key: 'helmetFigures',
    title: t('reports.helmetFigures'),
    kind: 'bar',
    categoryTitle: t('reports.category'),
    categories: rows.map(([name]) => name),
    series: monthColumns(r, t).map(([name, m]) => ({ name, values: rows.map(([, pick]) => pick(m.helmet)) })),
  };
}

export function helmetSpecs(r: MonthReport, t: TFunction, lang: Lang): ChartSpec[] {
  const h = r.month.helmet;
  const funnel: [string, number][] = [
    [t('reports.helmetStops'), h.stops],
    [t('reports.eligible'), h.eligible],
    [t('reports.offered'), h.offered],
    [t('reports.chosen'), h.chosen],
    [t('reports.educationsCompleted'), h.completed],
    [t('reports.abandoned'), h.abandoned],
    [t('reports.fines'), h.fines],
    [t('reports.repeatRiders'), h.repeatRiders],
  ];
  return [
    {
      key: 'helmet',
      title: t('reports.helmetFunnel'),
      kind: 'hbar',
      categoryTitle: t('reports.category'),
      categories: funnel.map(([n]) => n),
      series: [{ name: t('reports.count'), values: funnel.map(([, v]) => v) }],
    },
    countsSpec('helmetVehicle', t('reports.stopsByVehicle'), h.byVehicle, helmetVehicles, lang, t, 'pie'),
  ];
}

export function yearSpec(r: MonthReport, t: TFunction): ChartSpec {
  const y = r.year;
  const monthNames = t('reports.monthNames', { returnObjects: true }) as string[];
  return {
    key: 'year',
    title: t('reports.yearView', { year: y.year }),
    kind: 'bar',
    categoryTitle: t('reports.month'),
    categories: y.months.map((m) => monthNames[m.month - 1]!),
    series: [
      { name: t('reports.escorts'), values: y.months.map((m) => m.escorts) },
      { name: t('reports.advisories'), values: y.months.map((m) => m.advisories) },
      { name: t('reports.helmetStops'), values: y.months.map((m) => m.helmetStops) },
    ],
    line: { name: t('reports.medianToHandover'), values: y.months.map((m) => m.medianRequestToHandover) },
  };
}
