import type { TFunction } from 'i18next';
import { doorTimesFigures, type DestinationDoorTimes, type DoorTimes } from '../../../shared/contract/reports';
import { destinations } from '../../../shared/domain/escort-kinds';
import type { Lang } from './report-charts';

export interface DoorTimesRow {
  key: string;
  label: string;
  /** 已交接, then n, median and p90 of 接报→到门, then of 到门→交接. */
  cells: (number | null)[];
  total: boolean;
}

/**
 * 到院时间节点 as rows, shared by the screen's table and the print layout: every destination in
 * vocabulary order, 未填写 only when some escort left it blank, then the total.
 */
export function doorTimesRows(d: DoorTimes, t: TFunction, lang: Lang): DoorTimesRow[] {
  const row = (r: DestinationDoorTimes): DoorTimesRow => ({
    key: r.destination,
    label:
      r.destination === 'all'
        ? t('reports.total')
        : r.destination === 'unset'
          ? t('reports.unset')
          : (destinations[r.destination as keyof typeof destinations]?.[lang] ?? r.destination),
    cells: doorTimesFigures(r),
    total: r.destination === 'all',
  });
  return [...d.byDestination.filter((r) => r.destination !== 'unset' || r.handedOver > 0).map(row), row(d.total)];
}

/** The column groups over the cells: 已交接, then each interval's n / median / P90. */
export function doorTimesColumns(t: TFunction) {
  const stats = [t('reports.samples'), t('reports.median'), t('reports.p90')];
  return {
    destination: t('reports.doorTimesDestination'),
    handedOver: t('reports.handedOver'),
    groups: [
      { title: t('reports.minutesGroup', { interval: t('reports.requestToDoor') }), stats, first: 1 },
      { title: t('reports.minutesGroup', { interval: t('reports.doorToHandover') }), stats, first: 4 },
    ],
  };
}
