import { Alert, Button, DatePicker, Form, Input, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { EscortOfficer, EscortView } from '../../../../shared/contract/escorts';
import { conditions, destinations, requestSourceOrder, requestSources } from '../../../../shared/domain/escort-kinds';
import { intervalsOf } from '../../../../shared/domain/escort-timeline';
import { useDuration } from '../../common/useDuration';
import { formatLocal } from '../../../../shared/domain/time';
import { useLabels } from './labels';
import { useEscortHistory, type HistoryFilters } from './useEscortHistory';

interface FilterForm {
  range?: [Dayjs | null, Dayjs | null] | null;
  plate?: string;
  source?: HistoryFilters['source'];
  condition?: HistoryFilters['condition'];
  officerId?: number;
  outcome?: HistoryFilters['outcome'];
}

const toFilters = (v: FilterForm): HistoryFilters => ({
  from: v.range?.[0]?.format('YYYY-MM-DD'),
  to: v.range?.[1]?.format('YYYY-MM-DD'),
  plate: v.plate?.trim() || undefined,
  source: v.source,
  condition: v.condition,
  officerId: v.officerId,
  outcome: v.outcome,
});

export const statusColor = (e: EscortView) =>
  e.status === 'handedOver' ? 'green' : e.status === 'cancelled' ? 'default' : 'blue';

/** Search the log: date range, plate, source, condition, officer, outcome; a row opens its detail. */
export function HistoryTab({ officers, onOpenDetail }: { officers: EscortOfficer[]; onOpenDetail(id: number): void }) {
  const { t } = useTranslation();
  const formatDuration = useDuration();
  const { label, options, step } = useLabels();
  const [form] = Form.useForm<FilterForm>();
  const history = useEscortHistory();
  const timeZone = history.result?.timeZone ?? 'Asia/Shanghai';
  const outcomes = (['open', 'handedOver', 'cancelled'] as const).map((o) => ({
    value: o,
    label: t(`escorts.outcomes.${o}`),
  }));

  return (
    <div className="escort-history">
      <Form<FilterForm>
        form={form}
        layout="inline"
        className="escort-filters"
        onFinish={(v) => history.search(toFilters(v))}
      >
        <Form.Item name="range" label={t('escorts.dateRange')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="plate" label={t('escorts.plate')}>
          <Input allowClear maxLength={16} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="source" label={t('escorts.source')}>
          <Select allowClear options={options(requestSources, requestSourceOrder)} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="condition" label={t('escorts.condition')}>
          <Select allowClear options={options(conditions)} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="officerId" label={t('escorts.officers')}>
          <Select
            allowClear
            options={officers.map((o) => ({ value: o.id, label: `${o.name} ${o.badge}` }))}
            style={{ width: 130 }}
          />
        </Form.Item>
        <Form.Item name="outcome" label={t('escorts.outcome')}>
          <Select allowClear options={outcomes} style={{ width: 110 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('escorts.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            history.search({});
          }}
        >
          {t('escorts.reset')}
        </Button>
      </Form>
      {history.error && <Alert type="error" showIcon title={history.error} role="alert" />}
      <Table<EscortView>
        rowKey="id"
        size="middle"
        loading={history.loading}
        dataSource={history.result?.rows ?? []}
        onRow={(e) => ({ onClick: () => onOpenDetail(e.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: history.page,
          pageSize: history.pageSize,
          total: history.result?.total ?? 0,
          showSizeChanger: false,
          showTotal: (count) => t('escorts.total', { count }),
          onChange: history.setPage,
        }}
        columns={[
          {
            title: t('escorts.requestedAt'),
            key: 'at',
            render: (_, e) => formatLocal(e.times.requested!, timeZone),
            width: 150,
          },
          { title: t('escorts.plate'), dataIndex: 'plate', width: 120 },
          {
            title: t('escorts.source'),
            key: 'source',
            render: (_, e) => label(requestSources, e.source) || t('escorts.none'),
          },
          {
            title: t('escorts.condition'),
            key: 'condition',
            render: (_, e) => label(conditions, e.condition) || t('escorts.none'),
          },
          {
            title: t('escorts.destination'),
            key: 'dest',
            render: (_, e) => label(destinations, e.destination) || t('escorts.none'),
          },
          { title: t('escorts.officers'), key: 'officers', render: (_, e) => e.officers.map((o) => o.name).join('、') },
          {
            title: t('escorts.outcome'),
            key: 'status',
            render: (_, e) => (
              <>
                <Tag color={statusColor(e)}>{step(e.status)}</Tag>
                {e.backdated && <Tag>{t('escorts.backdated')}</Tag>}
              </>
            ),
          },
          {
            title: t('escorts.totalTime'),
            key: 'total',
            render: (_, e) => {
              const total = intervalsOf(e.times).requestToHandover;
              return total === null ? t('escorts.none') : formatDuration(total);
            },
          },
        ]}
      />
    </div>
  );
}
