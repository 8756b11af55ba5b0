import { Button, Card, Descriptions, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionRun, RetentionStatus } from '../../../shared/contract/data-care';
import type { Ack } from '../../../shared/contract/result';
import { formatDate, formatTime } from './format';
import { FeedbackAlert, type Feedback } from './FeedbackAlert';

export interface RetentionPanelProps {
  status: RetentionStatus | undefined;
  timeZone: string;
  onRun(): Promise<Ack<RetentionRun>>;
}

/** 管理 → 数据保留: personal fields of old helmet stops are wiped daily; an admin may run it now. */
export function RetentionPanel({ status, timeZone, onRun }: RetentionPanelProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>();
  const cutoffDate = status ? formatDate(status.cutoff, timeZone) : '…';

  const run = async () => {
    setBusy(true);
    const r = await onRun();
    setBusy(false);
    setFeedback(
      r.ok
        ? { type: 'success', text: t('admin.retention.done', { count: r.value.wiped }) }
        : { type: 'error', text: r.error.message },
    );
  };

  return (
    <Card size="small" title={t('admin.retention.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions column={1} size="small" styles={{ label: { width: 160 } }}>
          <Descriptions.Item label={t('admin.retention.yearsLabel')}>
            {status ? t('admin.retention.years', { years: status.years }) : '…'}
          </Descriptions.Item>
          <Descriptions.Item label={t('admin.retention.cutoffLabel')}>
            {t('admin.retention.cutoff', { date: cutoffDate })}
          </Descriptions.Item>
          <Descriptions.Item label={t('admin.retention.pendingLabel')}>
            {!status
              ? '…'
              : status.pending === null
                ? t('admin.retention.noTable')
                : t('admin.retention.pending', { count: status.pending })}
          </Descriptions.Item>
          <Descriptions.Item label={t('admin.retention.lastLabel')}>
            {status?.last
              ? t('admin.retention.last', { at: formatTime(status.last.at, timeZone), count: status.last.wiped })
              : t('admin.retention.never')}
          </Descriptions.Item>
        </Descriptions>
        <Space wrap>
          <Popconfirm
            title={t('admin.retention.confirm', { date: cutoffDate })}
            okText={t('admin.retention.run')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={run}
          >
            <Button danger size="large" loading={busy} disabled={!status}>
              {t('admin.retention.run')}
            </Button>
          </Popconfirm>
          <span>{t('admin.retention.daily')}</span>
        </Space>
        <FeedbackAlert feedback={feedback} />
      </Space>
    </Card>
  );
}
