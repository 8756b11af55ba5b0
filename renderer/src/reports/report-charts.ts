import type { TFunction } from 'i18next';
import type { CodeCounts, MonthReport, MonthTally } from '../../../shared/contract/reports';
import {
  advisoryKinds,
  conditions,
  destinations,
  requestSources,
  vehicleKinds,
} from '../../../shared/domain/escort-kinds';
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

export function comparisonSpec(r: MonthReport, t: TFunction): ChartSpec {
  const cols: [string, MonthTally][] = [
    [`${t('reports.thisMonth')} ${monthName(r.month)}`, r.month],
    [`${t('reports.previousMonth')} ${monthName(r.previousMonth)}`, r.previousMonth],
    [`${t('reports.lastYear')} ${monthName(r.sameMonthLastYear)}`, r.sameMonthLastYear],
  ];
  const rows: [string, (m: MonthTally) => number | null][] = [
    [t('reports.requests'), (m) => m.escorts.requests],
    [t('reports.escorts'), (m) => m.escorts.total],
    [t('reports.handedOver'), (m) => m.escorts.handedOver],
    [t('reports.cancelledOutcome'), (m) => m.escorts.cancelled],
    [t('reports.advisories'), (m) => m.advisories.total],
    ...(r.month.helmet
      ? ([
          [t('reports.helmetStops'), (m) => m.helmet?.stops ?? null],
          [t('reports.educationsCompleted'), (m) => m.helmet?.completed ?? null],
        ] as [string, (m: MonthTally) => number | null][])
      : []),
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
      categories: intervals.map(([name, s]) => `${name}（n=${s.count}）`),
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

export function helmetSpecs(r: MonthReport, t: TFunction): ChartSpec[] {
  const h = r.month.helmet;
  if (!h) return [];
  const funnel: [string, number | null][] = [
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
      title: t('reports.helmet'),
      kind: 'hbar',
      categoryTitle: t('reports.category'),
      categories: funnel.map(([n]) => n),
      series: [{ name: t('reports.count'), values: funnel.map(([, v]) => v) }],
    },
    {
      key: 'helmetVehicle',
      title: t('reports.stopsByVehicle'),
      kind: 'pie',
      categoryTitle: t('reports.category'),
      categories: Object.keys(h.byVehicle).map((k) => t(`reports.helmetVehicle.${k}`, { defaultValue: k })),
      series: [{ name: t('reports.count'), values: Object.values(h.byVehicle) }],
    },
  ];
}

export function yearSpec(r: MonthReport, t: TFunction): ChartSpec {
  const y = r.year;
  const helmet = y.totals.helmetStops !== null;
  return {
    key: 'year',
    title: t('reports.yearView', { year: y.year }),
    kind: 'bar',
    categoryTitle: t('reports.month'),
    categories: y.months.map((m) => t('reports.monthValue', { month: m.month })),
    series: [
      { name: t('reports.escorts'), values: y.months.map((m) => m.escorts) },
      { name: t('reports.advisories'), values: y.months.map((m) => m.advisories) },
      ...(helmet ? [{ name: t('reports.helmetStops'), values: y.months.map((m) => m.helmetStops) }] : []),
    ],
    line: { name: t('reports.medianToHandover'), values: y.months.map((m) => m.medianRequestToHandover) },
  };
}
