import { Alert, Button, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverRecord } from '../../../../shared/contract/handover';
import { HandoverPrint } from './HandoverPrint';
import { OpenEscortList } from './OpenEscortList';
import { useHandoverPrint } from './useHandoverPrint';
import { useHandoverWords } from './useHandoverWords';

/** A signed handover: who handed to whom and when, what was taken over, the notes; 打印. */
export function HandoverRecordCard({ record }: { record: HandoverRecord }) {
  const { t } = useTranslation();
  const w = useHandoverWords(record.contents);
  const printing = useHandoverPrint();
  return (
    <div className="handover-record" data-testid="handover-record">
      <h3>{t('handover.record', { id: record.id })}</h3>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'at', label: t('handover.signedAt'), children: w.at(record.signedAt) },
          { key: 'out', label: t('handover.outgoing'), children: w.person(record.outgoing) },
          { key: 'in', label: t('handover.incoming'), children: w.person(record.incoming) },
          { key: 'notes', label: t('handover.notes'), children: record.notes ?? t('handover.noNotes') },
        ]}
      />
      <h3>{t('handover.takenOver', { count: record.takenOver.length })}</h3>
      <OpenEscortList contents={record.contents} />
      <Button type="primary" size="large" block loading={printing.busy} onClick={() => void printing.print(record.id)}>
        {t('handover.print')}
      </Button>
      {printing.notice && (
        <Alert
          type={printing.notice.type}
          showIcon
          role="status"
          title={printing.notice.text}
          style={{ marginTop: 12 }}
        />
      )}
      {printing.stamp && <HandoverPrint stamp={printing.stamp} onReady={printing.onPrintReady} />}
    </div>
  );
}
