import { Alert, DatePicker, Drawer, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverDay, HandoverRecord } from '../../../../shared/contract/handover';
import { shiftLabels } from '../../../../shared/domain/shift';
import { formatLocal, localDateKey } from '../../../../shared/domain/time';
import { useConnectionState } from '../../net/useConnection';
import { useLabels } from '../escorts/labels';
import { useOfficerRequest } from '../escorts/useOfficerRequest';
import { HandoverRecordCard } from './HandoverRecordCard';
import { HandoverView } from './HandoverView';

/** 交接记录: the handovers signed on a day (any date, cut in the post's zone); a row opens the record. */
export function HandoverHistory({ refresh }: { refresh: number }) {
  const { t } = useTranslation();
  const { lang: screenLang } = useLabels();
  const lang = screenLang === 'en' ? 'en' : 'zh';
  const timeZone = useConnectionState().hello?.timeZone ?? 'Asia/Shanghai';
  // Nothing picked means today in the post's zone (the picker's placeholder says which day that is).
  const [date, setDate] = useState<Dayjs | null>(null);
  const [day, setDay] = useState<HandoverDay>();
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState<HandoverRecord>();
  // The day the page opened: a booth left on this tab past midnight still lists the day it showed.
  const [openedAt] = useState(() => Date.now());
  const today = localDateKey(openedAt, timeZone);
  const key = date?.format('YYYY-MM-DD') ?? today;
  useOfficerRequest(
    'handover:list',
    { date: key },
    (ack) => {
      setError(ack.ok ? undefined : ack.error.message);
      setDay(ack.ok ? ack.value : undefined);
    },
    refresh,
  );
  const at = (ms: number) => formatLocal(ms, day?.timeZone ?? timeZone);

  return (
    <div className="handover-history">
      <label className="handover-date">
        {t('handover.date')}
        <DatePicker value={date} placeholder={today} onChange={setDate} aria-label={t('handover.date')} />
      </label>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <Table<HandoverRecord>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={day?.date !== key && !error}
        dataSource={day?.date === key ? day.rows : []}
        locale={{ emptyText: t('handover.none') }}
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('handover.signedAt'), key: 'at', width: 160, render: (_, r) => at(r.signedAt) },
          {
            title: t('handover.shiftColumn'),
            key: 'shift',
            width: 170,
            render: (_, r) => `${r.contents.shiftDate} ${shiftLabels[r.contents.shift][lang]}`,
          },
          { title: t('handover.outgoing'), key: 'out', render: (_, r) => `${r.outgoing.name} ${r.outgoing.badge}` },
          { title: t('handover.incoming'), key: 'in', render: (_, r) => `${r.incoming.name} ${r.incoming.badge}` },
          { title: t('handover.takenOverColumn'), key: 'open', width: 90, render: (_, r) => r.takenOver.length },
          { title: t('handover.notes'), key: 'notes', ellipsis: true, render: (_, r) => r.notes ?? '' },
        ]}
      />
      <Drawer
        open={open !== undefined}
        onClose={() => setOpen(undefined)}
        size="min(1280px, 96vw)"
        title={open && t('handover.record', { id: open.id })}
        destroyOnHidden
      >
        {open && <HandoverView contents={open.contents} aside={<HandoverRecordCard record={open} />} />}
      </Drawer>
    </div>
  );
}
