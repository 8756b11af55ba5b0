import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** The option type of exactly the ECharts parts EChart.tsx registers. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/**
 * One chart's numbers: categories × series. The chart and its table are both drawn from this, so a
 * table always shows exactly the figures of its chart.
 */
export interface ChartSpec {
  key: string;
  title: string;
  kind: 'bar' | 'line' | 'pie' | 'hbar';
  categoryTitle: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** A line drawn over bars on a second axis (e.g. the monthly median), in the same table. */
  line?: { name: string; values: (number | null)[] };
}

const palette = ['#1f7a3f', '#4e9bd6', '#e0a32e', '#c0504d', '#7d5ba6', '#6a8a8a'];

/** Breaks a label at spaces into lines of about 12 characters; Chinese labels (no spaces) stay whole. */
export function wrapLabel(label: string): string {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= 12) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

export function chartOption(spec: ChartSpec, animate = true): ChartOption {
  const base = {
    color: palette,
    animation: animate,
    tooltip: { trigger: spec.kind === 'pie' ? 'item' : 'axis' },
  } as const;
  if (spec.kind === 'pie') {
    const s = spec.series[0]!;
    return {
      ...base,
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}: {c}' },
          data: spec.categories.map((name, i) => ({ name, value: s.values[i] ?? 0 })).filter((d) => d.value > 0),
        },
      ],
    };
  }
  const horizontal = spec.kind === 'hbar';
  // A dozen named categories or fewer: every label shows, long English names wrapped onto lines (hiding
  // overlaps dropped "Educations completed"). Denser axes (days, hours) are numbers: overlaps may hide.
  const named = spec.categories.length <= 12;
  const axisLabel = named ? { interval: 0, formatter: wrapLabel } : { interval: 0, hideOverlap: true };
  const category = { type: 'category' as const, data: spec.categories, axisLabel };
  const value = { type: 'value' as const, minInterval: 1 };
  return {
    ...base,
    legend: spec.series.length + (spec.line ? 1 : 0) > 1 ? { top: 0 } : undefined,
    grid: {
      left: 8,
      right: spec.line ? 40 : 16,
      top: spec.series.length > 1 || spec.line ? 32 : 16,
      bottom: 8,
      containLabel: true,
    },
    xAxis: horizontal ? value : category,
    yAxis: horizontal
      ? { ...category, inverse: true }
      : spec.line
        ? [value, { type: 'value' as const, splitLine: { show: false } }]
        : value,
    series: [
      ...spec.series.map((s) => ({
        type: spec.kind === 'line' ? ('line' as const) : ('bar' as const),
        name: s.name,
        data: s.values,
        barMaxWidth: 36,
        label: { show: spec.categories.length <= 12, position: horizontal ? ('right' as const) : ('top' as const) },
      })),
      ...(spec.line
        ? [{ type: 'line' as const, name: spec.line.name, data: spec.line.values, yAxisIndex: 1, connectNulls: true }]
        : []),
    ],
  };
}

export interface SpecGrid {
  headers: string[];
  rows: { key: string; cells: (string | number | null)[] }[];
}

/**
 * A chart's numbers as a grid: one row per category and one column per series — or, `across`, one
 * column per category (the 24 hours fit one printed row that way). Screen and print tables share it.
 */
export function specGrid(spec: ChartSpec, across = false): SpecGrid {
  const series = spec.line ? [...spec.series, spec.line] : spec.series;
  if (across)
    return {
      headers: [spec.categoryTitle, ...spec.categories],
      rows: series.map((s) => ({ key: s.name, cells: [s.name, ...s.values] })),
    };
  return {
    headers: [spec.categoryTitle, ...series.map((s) => s.name)],
    rows: spec.categories.map((c, i) => ({ key: c, cells: [c, ...series.map((s) => s.values[i] ?? null)] })),
  };
}

export const shownValue = (v: string | number | null | undefined) => (v === null || v === undefined ? '—' : v);
