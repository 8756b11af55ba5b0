import { Button, Card, Descriptions, Input, Popconfirm, Progress, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BackupFile,
  BackupOverview,
  BackupResult,
  CareProgress,
  RestoreResult,
  RiderKeyExport,
} from '../../../shared/contract/data-care';
import type { Ack } from '../../../shared/contract/result';
import { formatSize, formatTime } from './format';
import { RestoreKeyDialog } from './RestoreKeyDialog';
import { RiderKeyCard } from './RiderKeyCard';
import type { RestoreKey } from './useBackup';
import { FeedbackAlert, type Feedback } from './FeedbackAlert';

export interface BackupPanelProps {
  overview: BackupOverview | undefined;
  progress: CareProgress | undefined;
  timeZone: string;
  onBackup(): Promise<Ack<BackupResult>>;
  onRestore(path: string, key?: RestoreKey): Promise<Ack<RestoreResult>>;
  onExportKey(passphrase: string): Promise<Ack<RiderKeyExport>>;
}

/** The core's refusal of a backup keyed with another rider key (restore.ts, planRiderKey). */
const needsKey = (details: unknown) => (details as { reason?: string } | undefined)?.reason === 'riderKeyNeeded';

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** 管理 → 备份: back up now, the daily schedule, the backups in the folder, and restore (from the list or a path). */
export function BackupPanel({ overview, progress, timeZone, onBackup, onRestore, onExportKey }: BackupPanelProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [path, setPath] = useState('');
  const [feedback, setFeedback] = useState<Feedback>();
  const [awaitingKey, setAwaitingKey] = useState<string>();
  const when = (at: number) => formatTime(at, timeZone);
  const running = busy || overview?.running === true;

  const backup = async () => {
    setBusy(true);
    const r = await onBackup();
    setBusy(false);
    setFeedback(
      r.ok
        ? {
            type: 'success',
            text: [
              t('admin.backup.done', { name: r.value.file.name }),
              r.value.pruned.length ? t('admin.backup.pruned', { count: r.value.pruned.length }) : '',
            ]
              .filter(Boolean)
              .join('；'),
          }
        : { type: 'error', text: r.error.message },
    );
  };

  /** Resolves to the refusal to show inside the key dialog when `key` was given. */
  const restore = async (from: string, key?: RestoreKey): Promise<string | undefined> => {
    setBusy(true);
    const r = await onRestore(from, key);
    setBusy(false);
    if (!r.ok && key) return r.error.message;
    if (!r.ok && needsKey(r.error.details)) {
      setAwaitingKey(from);
      return undefined;
    }
    setFeedback(
      r.ok
        ? {
            type: 'success',
            text: t('admin.backup.restored', { name: baseName(r.value.restoredFrom), kept: baseName(r.value.keptAs) }),
          }
        : { type: 'error', text: r.error.message },
    );
    return undefined;
  };

  const restoreButton = (from: string, label: string, testId?: string) => (
    <Popconfirm
      title={t('admin.backup.confirmRestore', { name: baseName(from) })}
      okText={t('admin.backup.restore')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={() => void restore(from)}
      disabled={running || !from}
    >
      <Button danger disabled={running || !from} data-testid={testId}>
        {label}
      </Button>
    </Popconfirm>
  );

  const columns: TableColumnsType<BackupFile> = [
    {
      title: t('admin.backup.name'),
      dataIndex: 'name',
      render: (name: string) => <span className="admin-mono">{name}</span>,
    },
    { title: t('admin.backup.createdAt'), dataIndex: 'createdAt', width: 200, render: when },
    { title: t('admin.backup.size'), dataIndex: 'size', width: 110, render: formatSize },
    { title: '', width: 100, render: (_v, f) => restoreButton(f.path, t('admin.backup.restore')) },
  ];

  const last = overview?.last;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('admin.tabs.backup')}>
        <Descriptions column={1} size="small" styles={{ label: { width: 160 } }}>
          <Descriptions.Item label={t('admin.backup.folder')}>
            <span className="admin-mono">{overview?.folder ?? '…'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('admin.backup.last')}>
            {!last ? (
              t('admin.backup.never')
            ) : last.ok ? (
              <Space wrap>
                {when(last.at)}
                <span className="admin-mono">{last.file}</span>
                <Tag>{t(`admin.backup.${last.trigger}`)}</Tag>
              </Space>
            ) : (
              <Typography.Text type="danger">
                {when(last.at)} · {t('admin.backup.lastFailed', { message: last.message ?? '' })}
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('admin.backup.next')}>
            {overview ? when(overview.nextDailyAt) : '…'}
          </Descriptions.Item>
        </Descriptions>
        <Space style={{ marginTop: 12 }} wrap>
          <Button
            type="primary"
            size="large"
            onClick={backup}
            loading={busy && progress?.operation !== 'restore'}
            disabled={running}
          >
            {t('admin.backup.now')}
          </Button>
          {progress && (running || progress.phase === 'failed') && (
            <Space style={{ minWidth: 360 }} data-testid="care-progress">
              <Typography.Text>
                {t(`admin.backup.operations.${progress.operation}`)} · {t(`admin.backup.phases.${progress.phase}`)}
              </Typography.Text>
              <Progress
                percent={progress.percent}
                status={progress.phase === 'failed' ? 'exception' : 'active'}
                style={{ width: 220 }}
              />
            </Space>
          )}
        </Space>
      </Card>
      <FeedbackAlert feedback={feedback} onClose={() => setFeedback(undefined)} />
      <Card size="small" title={t('admin.backup.files')} data-testid="backup-files">
        <Table<BackupFile>
          rowKey="path"
          size="small"
          columns={columns}
          dataSource={overview?.files}
          loading={!overview}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('admin.backup.none') }}
        />
      </Card>
      <RiderKeyCard
        riderKey={overview?.riderKey}
        onExport={onExportKey}
        onExported={(name) => setFeedback({ type: 'success', text: t('admin.backup.riderKey.exported', { name }) })}
      />
      <RestoreKeyDialog
        backupName={awaitingKey && baseName(awaitingKey)}
        onRestore={(key) => restore(awaitingKey!, key)}
        onClose={() => setAwaitingKey(undefined)}
      />
      <Card size="small" title={t('admin.backup.restoreFromPath')}>
        <Typography.Paragraph type="secondary">{t('admin.backup.restoreHint')}</Typography.Paragraph>
        <Space.Compact style={{ width: '100%', maxWidth: 760 }}>
          <Input
            aria-label={t('admin.backup.restorePath')}
            placeholder={t('admin.backup.restorePath')}
            value={path}
            onChange={(e) => setPath(e.target.value)}
            className="admin-mono"
          />
          {restoreButton(path.trim(), t('admin.backup.restore'), 'restore-from-path')}
        </Space.Compact>
      </Card>
    </Space>
  );
}
