import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverContents, HandoverEscort } from '../../../../shared/contract/handover';
import { conditions } from '../../../../shared/domain/escort-kinds';
import { useHandoverWords } from './useHandoverWords';

const statusColor = (s: HandoverEscort['status']) =>
  s === 'handedOver' ? 'green' : s === 'cancelled' ? 'default' : 'blue';

/** The shift's escorts, as frozen in the handover (or as the draft reads them now). */
export function ShiftEscortTable({ contents }: { contents: HandoverContents }) {
  const { t } = useTranslation();
  const w = useHandoverWords(contents);
  return (
    <Table<HandoverEscort>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ y: 'calc(100vh - 470px)' }}
      locale={{ emptyText: t('handover.noShiftEscorts') }}
      dataSource={contents.shiftEscorts}
      columns={[
        { title: t('handover.requestedAt'), key: 'at', width: 140, render: (_, e) => w.at(e.requestedAt) },
        { title: t('handover.plate'), dataIndex: 'plate', width: 110 },
        { title: t('handover.condition'), key: 'c', render: (_, e) => w.label(conditions, e.condition) || '—' },
        { title: t('handover.crew'), key: 'crew', render: (_, e) => w.crew(e.officers) },
        {
          title: t('handover.status'),
          key: 'status',
          width: 90,
          render: (_, e) => <Tag color={statusColor(e.status)}>{w.step(e.status)}</Tag>,
        },
        {
          title: t('handover.closedAt'),
          key: 'closed',
          width: 96,
          render: (_, e) => (e.closedAt === null ? '—' : w.at(e.closedAt).slice(11)),
        },
      ]}
    />
  );
}
