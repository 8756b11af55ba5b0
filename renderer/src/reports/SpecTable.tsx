import { Table } from 'antd';
import { shownValue, specGrid, type ChartSpec } from './chart-spec';

/** A chart's numbers as an Ant Design table (on screen, behind the 数据表 switch). */
export function SpecTable({ spec }: { spec: ChartSpec }) {
  const grid = specGrid(spec);
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      aria-label={spec.title}
      columns={grid.headers.map((title, i) => ({
        title,
        key: `c${i}`,
        align: i === 0 ? ('left' as const) : ('right' as const),
        render: (_: unknown, row: (typeof grid.rows)[number]) => shownValue(row.cells[i]),
      }))}
      dataSource={grid.rows}
    />
  );
}

/** The same grid as a plain table for the print layout: light to draw, exact on paper. */
export function PrintTable({ spec, across }: { spec: ChartSpec; across: boolean }) {
  const grid = specGrid(spec, across);
  return (
    <table className="print-table" aria-label={spec.title}>
      <thead>
        <tr>
          {grid.headers.map((h, i) => (
            <th key={i}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((c, i) => (
              <td key={i}>{shownValue(c)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
