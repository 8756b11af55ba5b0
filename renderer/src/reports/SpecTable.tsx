import { Table } from 'antd';
import type { ChartSpec } from './chart-spec';

const shown = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v);

/**
 * A chart's numbers as a table: one row per category, one column per series — or, `across`, one
 * column per category (the 24 hours fit one printed row that way).
 */
export function SpecTable({ spec, across = false }: { spec: ChartSpec; across?: boolean }) {
  const series = spec.line ? [...spec.series, spec.line] : spec.series;
  if (across)
    return (
      <Table
        size="small"
        pagination={false}
        rowKey="name"
        aria-label={spec.title}
        columns={[
          { title: spec.categoryTitle, dataIndex: 'name', key: 'name' },
          ...spec.categories.map((c, i) => ({ title: c, dataIndex: `c${i}`, key: `c${i}`, align: 'right' as const, render: shown })),
        ]}
        dataSource={series.map((s) => ({ name: s.name, ...Object.fromEntries(s.values.map((v, i) => [`c${i}`, v])) }))}
      />
    );
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="category"
      aria-label={spec.title}
      columns={[
        { title: spec.categoryTitle, dataIndex: 'category', key: 'category' },
        ...series.map((s, i) => ({ title: s.name, dataIndex: `s${i}`, key: `s${i}`, align: 'right' as const, render: shown })),
      ]}
      dataSource={spec.categories.map((category, row) => ({
        category,
        ...Object.fromEntries(series.map((s, i) => [`s${i}`, s.values[row] ?? null])),
      }))}
    />
  );
}
