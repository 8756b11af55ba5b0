import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DoorTimes } from '../../../shared/contract/reports';
import { shownValue } from './chart-spec';
import { doorTimesColumns, doorTimesRows, type DoorTimesRow } from './door-times-grid';
import type { Lang } from './report-charts';

/** 到院时间节点 on screen: per destination, the door intervals as a grouped table, with how they are counted. */
export function DoorTimesCard({ doorTimes, lang }: { doorTimes: DoorTimes; lang: Lang }) {
  const { t } = useTranslation();
  const cols = doorTimesColumns(t);
  const cell = (i: number) => ({
    key: `c${i}`,
    align: 'right' as const,
    render: (_: unknown, row: DoorTimesRow) => (
      <span data-testid={`door-${row.key}-${i}`}>{shownValue(row.cells[i])}</span>
    ),
  });
  return (
    <Card size="small" title={t('reports.doorTimes')} data-testid="door-times">
      <Table<DoorTimesRow>
        size="small"
        pagination={false}
        rowKey="key"
        aria-label={t('reports.doorTimes')}
        rowClassName={(r) => (r.total ? 'door-times-total' : '')}
        // Fixed layout: the seven figures share the width evenly, whatever their headers' lengths.
        tableLayout="fixed"
        scroll={{ x: 720 }}
        columns={[
          { title: cols.destination, key: 'destination', dataIndex: 'label', width: '20%' },
          { title: cols.handedOver, ...cell(0) },
          ...cols.groups.map((g) => ({
            title: g.title,
            key: g.title,
            children: g.stats.map((title, j) => ({ title, ...cell(g.first + j) })),
          })),
        ]}
        dataSource={doorTimesRows(doorTimes, t, lang)}
      />
      <p className="report-footnote">{t('reports.doorTimesNote')}</p>
    </Card>
  );
}

/** The same rows for the print layout, as a plain table with the two header rows. */
export function DoorTimesPrint({ doorTimes, lang }: { doorTimes: DoorTimes; lang: Lang }) {
  const { t } = useTranslation();
  const cols = doorTimesColumns(t);
  return (
    <section className="print-section">
      <h3>{t('reports.doorTimes')}</h3>
      <table className="print-table" aria-label={t('reports.doorTimes')}>
        <thead>
          <tr>
            <th rowSpan={2}>{cols.destination}</th>
            <th rowSpan={2}>{cols.handedOver}</th>
            {cols.groups.map((g) => (
              <th key={g.title} colSpan={g.stats.length}>
                {g.title}
              </th>
            ))}
          </tr>
          <tr>{cols.groups.flatMap((g) => g.stats.map((s) => <th key={`${g.title}${s}`}>{s}</th>))}</tr>
        </thead>
        <tbody>
          {doorTimesRows(doorTimes, t, lang).map((r) => (
            <tr key={r.key}>
              <td>{r.label}</td>
              {r.cells.map((c, i) => (
                <td key={i}>{shownValue(c)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="print-note">{t('reports.doorTimesNote')}</p>
    </section>
  );
}
