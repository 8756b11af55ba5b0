import { Alert, Button, DatePicker, Input, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditPage, AuditRecord, AuditVerdict } from '../../../shared/contract/admin';
import type { Ack } from '../../../shared/contract/result';
import { auditRange } from './audit-range';
import { actionWords, actorWords, detailWords, type AuditWording } from './audit-words';
import { formatTime } from './format';
import type { AuditFilter } from './useAudit';

export interface AuditPanelProps {
  page: AuditPage | undefined;
  error: string | undefined;
  actions: string[];
  timeZone: string;
  onSearch(filter: AuditFilter, page?: number, pageSize?: number): void;
  filter: AuditFilter;
  onVerify(): Promise<Ack<AuditVerdict>>;
}

type Range = Parameters<NonNullable<ComponentProps<typeof DatePicker.RangePicker>['onChange']>>[0];

/** 管理 → 审计: who did what and when, filtered and paged, and 校验 of the whole hash chain. */
export function AuditPanel({ page, error, actions, timeZone, onSearch, filter, onVerify }: AuditPanelProps) {
  const { t, i18n } = useTranslation();
  const wording: AuditWording = { t, lang: i18n.language === 'en' ? 'en' : 'zh', timeZone };
  const [actor, setActor] = useState('');
  const [action, setAction] = useState<string>();
  const [range, setRange] = useState<Range>(null);
  const [verdict, setVerdict] = useState<Ack<AuditVerdict>>();
  const [verifying, setVerifying] = useState(false);
  const actionLabel = (a: string) => actionWords(a, t);

  const search = () =>
    onSearch({
      ...(actor.trim() ? { actor: actor.trim() } : {}),
      ...(action ? { action } : {}),
      ...auditRange(range?.[0], range?.[1], timeZone),
    });
  const reset = () => {
    setActor('');
    setAction(undefined);
    setRange(null);
    onSearch({});
  };
  const verify = async () => {
    setVerifying(true);
    setVerdict(await onVerify());
    setVerifying(false);
  };

  const columns: TableColumnsType<AuditRecord> = [
    { title: t('admin.audit.seq'), dataIndex: 'seq', width: 90 },
    { title: t('admin.audit.when'), dataIndex: 'at', width: 190, render: (at: number) => formatTime(at, timeZone) },
    { title: t('admin.audit.who'), dataIndex: 'actor', width: 170, render: (_v, r) => actorWords(r, t) },
    { title: t('admin.audit.what'), dataIndex: 'action', width: 220, render: actionLabel },
    { title: t('admin.audit.entity'), width: 200, render: (_v, r) => `${r.entity} #${r.entityId}` },
    {
      title: t('admin.audit.details'),
      dataIndex: 'details',
      ellipsis: true,
      render: (d: Record<string, unknown>) => detailWords(d, wording),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Input
          aria-label={t('admin.audit.who')}
          placeholder={t('admin.audit.whoPlaceholder')}
          value={actor}
          onChange={(e) => setActor(e.target.value)}
          onPressEnter={search}
          style={{ width: 180 }}
          maxLength={64}
        />
        <Select
          aria-label={t('admin.audit.what')}
          placeholder={t('admin.audit.whatPlaceholder')}
          value={action}
          onChange={setAction}
          allowClear
          showSearch
          options={actions.map((a) => ({ value: a, label: actionLabel(a) }))}
          optionFilterProp="label"
          style={{ width: 260 }}
        />
        <DatePicker.RangePicker aria-label={t('admin.audit.when')} value={range} onChange={setRange} />
        <Button type="primary" onClick={search}>
          {t('admin.audit.search')}
        </Button>
        <Button onClick={reset}>{t('admin.audit.reset')}</Button>
        <Button onClick={verify} loading={verifying}>
          {t('admin.audit.verify')}
        </Button>
      </Space>
      {verdict && (
        <Alert
          showIcon
          role={verdict.ok && verdict.value.ok ? 'status' : 'alert'}
          type={verdict.ok && verdict.value.ok ? 'success' : 'error'}
          closable={{ onClose: () => setVerdict(undefined) }}
          title={
            !verdict.ok
              ? verdict.error.message
              : verdict.value.ok
                ? t('admin.audit.intact', {
                    count: verdict.value.count,
                    seq: verdict.value.headSeq,
                    hash: verdict.value.headHash,
                  })
                : t('admin.audit.broken', { seq: verdict.value.firstBadSeq, reason: verdict.value.reason })
          }
        />
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <Table<AuditRecord>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={page?.rows}
        loading={!page && !error}
        pagination={{
          current: page?.page ?? 1,
          pageSize: page?.pageSize ?? 20,
          total: page?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('admin.audit.total', { total }),
          onChange: (p, size) => onSearch(filter, p, size),
        }}
      />
    </Space>
  );
}
