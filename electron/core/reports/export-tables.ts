import {
  doorTimesFigures,
  type CodeCounts,
  type DestinationDoorTimes,
  type IntervalStats,
  type MonthReport,
  type MonthTally,
} from '../../../shared/contract/reports';
import {
  advisoryKinds,
  conditions,
  destinations,
  requestSources,
  vehicleKinds,
} from '../../../shared/domain/escort-kinds';
import { helmetVehicles } from '../../../shared/domain/helmet';
import { formatLocal } from '../../../shared/domain/time';

/** A cell of an exported table: text, a number, an instant (written as a real date cell), or empty. */
export type Cell = string | number | null | { at: number };

export interface Table {
  title: string;
  headers: string[];
  rows: Cell[][];
  /** Number format for numeric cells per column (Excel), e.g. '0.0' for minutes. */
  formats?: (string | undefined)[];
  /** Instants to the second (default) or to the minute (a clerk's import: the times a centre records). */
  timeFormat?: 'second' | 'minute';
}

type Labels = Record<string, { zh: string }>;
const label = (labels: Labels, code: string) => (code === 'unset' ? '未填写' : (labels[code]?.zh ?? code));
export const monthLabel = (t: { year: number; month: number }) => `${t.year}-${String(t.month).padStart(2, '0')}`;

const MIN = '0.0';

/** The month, the previous month and the same month last year side by side, in the screen's order. */
export function summaryTable(report: MonthReport): Table {
  const cols = [report.month, report.previousMonth, report.sameMonthLastYear];
  const rows: Cell[][] = [];
  const line = (name: string, pick: (t: MonthTally) => number | null) => rows.push([name, ...cols.map(pick)]);
  const counts = (prefix: string, labels: Labels, pick: (t: MonthTally) => CodeCounts) => {
    for (const code of Object.keys(pick(report.month)))
      if (code !== 'unset' || cols.some((t) => pick(t)[code]))
        line(`${prefix}·${label(labels, code)}`, (t) => pick(t)[code] ?? 0);
  };
  const intervals = (name: string, pick: (t: MonthTally) => IntervalStats) => {
    line(`${name} 中位数（分钟）`, (t) => pick(t).median);
    line(`${name} P90（分钟）`, (t) => pick(t).p90);
    line(`${name} 平均（分钟）`, (t) => pick(t).mean);
    line(`${name} 最长（分钟）`, (t) => pick(t).max);
  };
  line('接报总数', (t) => t.escorts.requests);
  line('护送（不含取消）', (t) => t.escorts.total);
  line('已交接', (t) => t.escorts.handedOver);
  line('已取消', (t) => t.escorts.cancelled);
  line('进行中', (t) => t.escorts.open);
  counts('来源', requestSources, (t) => t.escorts.bySource);
  counts('病情', conditions, (t) => t.escorts.byCondition);
  counts('车辆', vehicleKinds, (t) => t.escorts.byVehicle);
  counts('去向', destinations, (t) => t.escorts.byDestination);
  intervals('接报→会合', (t) => t.escorts.intervals.requestToMet);
  intervals('会合→到达', (t) => t.escorts.intervals.metToArrived);
  intervals('接报→交接', (t) => t.escorts.intervals.requestToHandover);
  line('劝导总数', (t) => t.advisories.total);
  counts('劝导', advisoryKinds, (t) => t.advisories.byKind);
  line('头盔拦停', (t) => t.helmet.stops);
  counts('拦停车辆', helmetVehicles, (t) => t.helmet.byVehicle);
  line('符合教育条件', (t) => t.helmet.eligible);
  line('提供教育', (t) => t.helmet.offered);
  line('选择教育', (t) => t.helmet.chosen);
  line('完成教育', (t) => t.helmet.completed);
  line('中途放弃', (t) => t.helmet.abandoned);
  line('罚款（次）', (t) => t.helmet.fines);
  line('罚款（元）', (t) => t.helmet.fineYuan);
  line('再次被拦骑行人', (t) => t.helmet.repeatRiders);
  line('平均观看（分钟）', (t) => t.helmet.meanMinutesWatched);
  line('测验首次通过率（%）', (t) => t.helmet.quizFirstTryPassPercent);
  return { title: '月度汇总', headers: ['指标', ...cols.map((t) => monthLabel(t))], rows };
}

/** The report's identity lines: which post, which month, when, in which zone. */
export function headerTable(report: MonthReport): Table {
  return {
    title: '报表信息',
    headers: ['项目', '内容'],
    rows: [
      ['岗位', report.postName],
      ['月份', monthLabel(report.month)],
      ['生成时间', formatLocal(report.generatedAt, report.timeZone, true)],
      ['时区', report.timeZone],
    ],
  };
}

export const DOOR_TIMES_NOTE =
  '注：到达即医院大门时间。按接报时间计入本月，只计已交接的护送；缺少到达或交接时间的护送不计入相应间隔。';

/** 到院时间节点: per destination, the month's handed-over escorts and their door intervals (minutes). */
export function doorTimesTable(report: MonthReport): Table {
  const d = report.doorTimes;
  const shown = d.byDestination.filter((r) => r.destination !== 'unset' || r.handedOver > 0);
  const row = (r: DestinationDoorTimes): Cell[] => [
    r.destination === 'all' ? '合计' : label(destinations, r.destination),
    ...doorTimesFigures(r),
  ];
  return {
    title: '到院时间节点',
    headers: [
      '送往',
      '已交接',
      '接报→到门 样本数',
      '接报→到门 中位数（分钟）',
      '接报→到门 P90（分钟）',
      '到门→交接 样本数',
      '到门→交接 中位数（分钟）',
      '到门→交接 P90（分钟）',
    ],
    formats: [undefined, undefined, undefined, MIN, MIN, undefined, MIN, MIN],
    rows: [...shown.map(row), row(d.total), [DOOR_TIMES_NOTE]],
  };
}

export function officerTable(report: MonthReport, withNames: boolean): Table {
  return {
    title: '按民警',
    headers: ['警号', ...(withNames ? ['姓名'] : []), '参与护送', '已交接', '已取消', '接报→交接 中位数（分钟）'],
    formats: [undefined, ...(withNames ? [undefined] : []), undefined, undefined, undefined, MIN],
    rows: report.month.escorts.byOfficer.map((o) => [
      o.badge,
      ...(withNames ? [o.name] : []),
      o.escorts,
      o.handedOver,
      o.cancelled,
      o.medianRequestToHandover,
    ]),
  };
}

export const hourTable = (report: MonthReport): Table => ({
  title: '按时段（接报时刻）',
  headers: ['时段', '接报数'],
  rows: report.month.escorts.byHour.map((n, h) => [
    `${String(h).padStart(2, '0')}:00–${String(h).padStart(2, '0')}:59`,
    n,
  ]),
});

export function yearTable(report: MonthReport): Table {
  const y = report.year;
  const row = (name: string, r: typeof y.totals): Cell[] => [
    name,
    r.escorts,
    r.handedOver,
    r.cancelled,
    r.medianRequestToHandover,
    r.advisories,
    r.helmetStops,
    r.educationsCompleted,
    r.fines,
  ];
  return {
    title: `${y.year} 年度（按月）`,
    headers: [
      '月份',
      '护送（不含取消）',
      '已交接',
      '已取消',
      '接报→交接 中位数（分钟）',
      '劝导',
      '头盔拦停',
      '完成教育',
      '罚款（次）',
    ],
    formats: [undefined, undefined, undefined, undefined, MIN],
    rows: [...y.months.map((m) => row(`${y.year}-${String(m.month).padStart(2, '0')}`, m)), row('全年合计', y.totals)],
  };
}

export function sinceOpeningTable(report: MonthReport): Table {
  const s = report.sinceOpening;
  return {
    title: '开岗以来累计',
    headers: ['指标', '数值'],
    rows: [
      ['首条记录', s.since === null ? null : { at: s.since }],
      ['护送（不含取消）', s.escorts],
      ['劝导总数', s.advisories],
      ['头盔拦停', s.helmetStops],
      ['完成教育', s.educationsCompleted],
    ],
  };
}

export const labelOf = {
  source: requestSources,
  vehicle: vehicleKinds,
  condition: conditions,
  destination: destinations,
};
export const codeLabel = label;
