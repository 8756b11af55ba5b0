import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { HelmetStop } from '../../../../shared/contract/helmet';
import { maskIdLast4 } from '../../../../shared/domain/helmet';
import { StopStatus } from './StopStatus';
import { when } from './stop-time';

export interface StopActions {
  offer(stop: HelmetStop): void;
  override(stop: HelmetStop): void;
  recordFine(stop: HelmetStop): void;
  undoFine(stop: HelmetStop): void;
  stopSession(stop: HelmetStop): void;
  cancel(stop: HelmetStop): void;
  showSignature(stop: HelmetStop): void;
}

function Eligibility({ stop, now, timeZone }: { stop: HelmetStop; now: number; timeZone: string }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={2}>
      {stop.eligible ? (
        <Tag color="green">{t('helmet.eligibility.first')}</Tag>
      ) : (
        <Tag color="red">{t('helmet.eligibility.repeat', { months: stop.windowMonths, n: stop.priorStops + 1 })}</Tag>
      )}
      {stop.cityPriorStops > 0 && (
        <Typography.Text type="secondary">
          {t('helmet.eligibility.cityPrior', { n: stop.cityPriorStops })}
        </Typography.Text>
      )}
      {stop.cityChecked === false && (
        <Tag
          color="warning"
          title={t('helmet.eligibility.cityUncheckedHint')}
          data-testid={`city-unchecked-${stop.id}`}
        >
          {t('helmet.eligibility.cityUnchecked')}
        </Tag>
      )}
      {stop.previous && (
        <Typography.Text type="secondary" data-testid={`previous-stop-${stop.id}`}>
          {t('helmet.eligibility.previous', { at: when(stop.previous.at, now, timeZone), place: stop.previous.place })}
        </Typography.Text>
      )}
      <Typography.Text type="secondary">{t('helmet.eligibility.fine', { yuan: stop.fineYuan })}</Typography.Text>
      {stop.overrideReason && (
        <Tag color="orange" title={stop.overrideReason}>
          {t('helmet.eligibility.override')}
        </Tag>
      )}
      {stop.vehicle === 'motorcycle' && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('helmet.eligibility.motorcycle')}
        </Typography.Text>
      )}
    </Space>
  );
}

function Actions({ stop, actions }: { stop: HelmetStop; actions: StopActions }) {
  const { t } = useTranslation();
  const o = stop.outcome;
  const canOffer = (o === 'open' || o === 'abandoned') && stop.educationAllowed;
  return (
    <Space size={6} wrap>
      {canOffer && (
        <Button type="primary" onClick={() => actions.offer(stop)}>
          {o === 'abandoned' ? t('helmet.actions.reoffer') : t('helmet.actions.offer')}
        </Button>
      )}
      {(o === 'open' || o === 'abandoned') && !stop.educationAllowed && (
        <Button onClick={() => actions.override(stop)}>{t('helmet.actions.override')}</Button>
      )}
      {(o === 'offered' || o === 'education') && (
        <Popconfirm title={t('helmet.dialogs.stopConfirm')} onConfirm={() => actions.stopSession(stop)}>
          <Button danger>{t('helmet.actions.stop')}</Button>
        </Popconfirm>
      )}
      {(o === 'open' || o === 'abandoned') && (
        <Button onClick={() => actions.recordFine(stop)}>{t('helmet.actions.fine')}</Button>
      )}
      {o === 'fined' && !stop.ticketNo && (
        <Button type="primary" onClick={() => actions.recordFine(stop)}>
          {t('helmet.actions.ticket')}
        </Button>
      )}
      {o === 'fined' && !stop.ticketNo && stop.session?.phase === 'fine' && (
        <Button onClick={() => actions.undoFine(stop)}>{t('helmet.actions.undoFine')}</Button>
      )}
      {(o === 'open' || o === 'abandoned') && (
        <Button type="text" danger onClick={() => actions.cancel(stop)}>
          {t('helmet.actions.cancel')}
        </Button>
      )}
      {o === 'completed' && (
        <Button type="link" onClick={() => actions.showSignature(stop)}>
          {t('helmet.actions.signature')}
        </Button>
      )}
    </Space>
  );
}

export interface StopTableProps {
  stops: HelmetStop[];
  loading: boolean;
  now: number;
  timeZone: string;
  onlineKiosks: ReadonlySet<number>;
  actions: StopActions;
}

export function StopTable({ stops, loading, now, timeZone, onlineKiosks, actions }: StopTableProps) {
  const { t } = useTranslation();
  const columns: ColumnsType<HelmetStop> = [
    { title: t('helmet.columns.time'), key: 'time', width: 90, render: (_v, s) => when(s.stoppedAt, now, timeZone) },
    {
      title: t('helmet.columns.vehicle'),
      key: 'vehicle',
      width: 150,
      render: (_v, s) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{s.plate ?? '—'}</Typography.Text>
          <Typography.Text type="secondary">{t(`helmet.vehicles.${s.vehicle}`)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('helmet.columns.rider'),
      key: 'rider',
      width: 150,
      render: (_v, s) => (
        <Space direction="vertical" size={0}>
          {s.riderName && <Typography.Text>{s.riderName}</Typography.Text>}
          {s.idLast4 && <Typography.Text type="secondary">{maskIdLast4(s.idLast4)}</Typography.Text>}
          {s.phoneMasked && <Typography.Text type="secondary">{s.phoneMasked}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('helmet.columns.eligibility'),
      key: 'eligibility',
      width: 190,
      render: (_v, s) => <Eligibility stop={s} now={now} timeZone={timeZone} />,
    },
    {
      title: t('helmet.columns.status'),
      key: 'status',
      render: (_v, s) => <StopStatus stop={s} kioskOnline={!s.session || onlineKiosks.has(s.session.kioskId)} />,
    },
    {
      title: t('helmet.columns.actions'),
      key: 'actions',
      width: 300,
      render: (_v, s) => <Actions stop={s} actions={actions} />,
    },
  ];
  return (
    <Table<HelmetStop>
      rowKey="id"
      columns={columns}
      dataSource={stops}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('helmet.empty') }}
      size="middle"
      scroll={{ x: 1100 }}
    />
  );
}
