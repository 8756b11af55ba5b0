import { Alert, Button, Card, Input, message, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonSchema, ticketNoSchema, type HelmetStop } from '../../../../shared/contract/helmet';
import type { KioskInfo } from '../../../../shared/contract/kiosk';
import type { Ack } from '../../../../shared/contract/result';
import { roleAtLeast } from '../../../../shared/domain/roles';
import { defaultSettings } from '../../../../shared/domain/settings';
import { useConnection, useConnectionState } from '../../net/useConnection';
import { CityReports } from './CityReports';
import { KioskPickerDialog } from './KioskPickerDialog';
import { NewStopDialog } from './NewStopDialog';
import { SignatureDialog } from './SignatureDialog';
import { StopTable, type StopActions } from './StopTable';
import { schemaRule } from './form-parts';
import { TextEntryDialog } from './TextEntryDialog';
import { useCityReports } from './useCityReports';
import { useHelmetStops } from './useHelmetStops';
import { useOnlineKiosks } from './useOnlineKiosks';

/** The entries that send a reason, and the event each goes to. */
const reasonEvents = { override: 'helmet:override', cancel: 'helmet:cancel', undoFine: 'helmet:undoFine' } as const;

type Entry = { kind: 'override' | 'cancel' | 'ticket' | 'undoFine'; stop: HelmetStop };

/** 头盔教育: the stop list with its live progress, and the dialogs an officer works through. */
export function HelmetPage() {
  const { t } = useTranslation();
  const conn = useConnection();
  const { hello } = useConnectionState();
  const postName = hello?.postName ?? '';
  const timeZone = hello?.timeZone ?? defaultSettings.timeZone;
  const { stops, loading, applied } = useHelmetStops();
  const chief = hello?.principal.kind === 'officer' && roleAtLeast(hello.principal.officer.role, 'chief');
  const cityReports = useCityReports(chief);
  const onlineKiosks = useOnlineKiosks();
  const [toast, toastHolder] = message.useMessage();
  const [creating, setCreating] = useState(false);
  const [entry, setEntry] = useState<Entry>();
  const [picking, setPicking] = useState<{ stop: HelmetStop; kiosks: KioskInfo[] }>();
  const [signature, setSignature] = useState<{ stop: HelmetStop; png: string | null | undefined }>();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const report = <T,>(r: Ack<T>, success?: string) => {
    if (!r.ok) void toast.error(r.error.message);
    else if (success) void toast.success(success);
    return r.ok;
  };

  const offerTo = async (stop: HelmetStop, kiosk?: KioskInfo) => {
    const r = await conn.send('helmet:offer', kiosk ? { stopId: stop.id, kioskId: kiosk.id } : { stopId: stop.id });
    report(
      r,
      r.ok ? t('helmet.messages.offered', { kiosk: r.value.session?.kioskName ?? kiosk?.name ?? '' }) : undefined,
    );
  };

  const [found, setFound] = useState<{ plate: string; stops: HelmetStop[] }>();
  /** 按号牌查找 across every date; an empty search goes back to the live list. */
  const search = async (plate: string) => {
    if (!plate.trim()) return setFound(undefined);
    const r = await conn.send('helmet:search', { plate });
    if (r.ok) setFound({ plate: plate.trim(), stops: r.value });
    else void toast.error(r.error.message);
  };

  const actions: StopActions = {
    async offer(stop) {
      const list = await conn.send('kiosk:list', {});
      if (!report(list) || !list.ok) return;
      if (list.value.length === 0) return void toast.warning(t('helmet.messages.noKiosk'));
      // One paired kiosk: no question. Several: the officer picks.
      if (list.value.length === 1) return offerTo(stop);
      setPicking({ stop, kiosks: list.value });
    },
    override: (stop) => setEntry({ kind: 'override', stop }),
    cancel: (stop) => setEntry({ kind: 'cancel', stop }),
    recordFine: (stop) => setEntry({ kind: 'ticket', stop }),
    undoFine: (stop) => setEntry({ kind: 'undoFine', stop }),
    async stopSession(stop) {
      report(await conn.send('helmet:stopSession', { stopId: stop.id }));
    },
    async showSignature(stop) {
      setSignature({ stop, png: undefined });
      const r = await conn.send('helmet:signature', { stopId: stop.id });
      setSignature({ stop, png: r.ok ? r.value.png : null });
    },
  };

  const submitEntry = async (value: string) => {
    if (!entry) return undefined;
    const stopId = entry.stop.id;
    const r =
      entry.kind === 'ticket'
        ? await conn.send('helmet:recordFine', { stopId, ticketNo: value })
        : await conn.send(reasonEvents[entry.kind], { stopId, reason: value });
    if (!r.ok) return r.error.message;
    applied(r.value);
    return undefined;
  };

  const entryText =
    entry &&
    {
      override: {
        title: t('helmet.dialogs.overrideTitle'),
        hint: t('helmet.dialogs.overrideHint', { months: entry.stop.windowMonths }),
      },
      cancel: { title: t('helmet.dialogs.cancelTitle'), hint: t('helmet.dialogs.cancelHint') },
      ticket: { title: t('helmet.dialogs.ticketTitle'), hint: t('helmet.dialogs.ticketHint') },
      undoFine: { title: t('helmet.dialogs.undoFineTitle'), hint: t('helmet.dialogs.undoFineHint') },
    }[entry.kind];

  return (
    <Card
      title={
        <Space direction="vertical" size={0}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('helmet.title')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {t('helmet.listHint')}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Input.Search
            aria-label={t('helmet.search.label')}
            placeholder={t('helmet.search.placeholder')}
            allowClear
            enterButton={t('helmet.search.go')}
            size="large"
            style={{ width: 300 }}
            onSearch={(plate) => void search(plate)}
          />
          <Button type="primary" size="large" onClick={() => setCreating(true)}>
            {t('helmet.newStop')}
          </Button>
        </Space>
      }
    >
      {toastHolder}
      <CityReports reports={cityReports} now={now} timeZone={timeZone} />
      {found && (
        <Alert
          type="info"
          showIcon
          role="status"
          style={{ marginBottom: 12 }}
          title={t('helmet.search.found', { plate: found.plate, count: found.stops.length })}
          action={<Button onClick={() => setFound(undefined)}>{t('helmet.search.back')}</Button>}
        />
      )}
      <StopTable
        stops={found ? found.stops.map((f) => stops.find((s) => s.id === f.id && s.version >= f.version) ?? f) : stops}
        loading={loading}
        now={now}
        timeZone={timeZone}
        onlineKiosks={onlineKiosks}
        actions={actions}
      />
      <NewStopDialog
        open={creating}
        postName={postName}
        onClose={() => setCreating(false)}
        onSave={async (values) => {
          const r = await conn.send('helmet:create', values);
          if (r.ok) void toast.success(t('helmet.messages.saved'));
          return r.ok ? undefined : r.error.message;
        }}
      />
      <TextEntryDialog
        open={entry !== undefined}
        title={entryText?.title ?? ''}
        hint={entryText?.hint ?? ''}
        label={entry?.kind === 'ticket' ? t('helmet.dialogs.ticketLabel') : t('helmet.dialogs.reason')}
        rules={[entry?.kind === 'ticket' ? schemaRule(ticketNoSchema) : schemaRule(reasonSchema)]}
        maxLength={entry?.kind === 'ticket' ? 32 : 200}
        multiline={entry?.kind !== 'ticket'}
        onSubmit={submitEntry}
        onClose={() => setEntry(undefined)}
      />
      <KioskPickerDialog
        kiosks={picking?.kiosks}
        onClose={() => setPicking(undefined)}
        onPick={(kiosk) => {
          const stop = picking!.stop;
          setPicking(undefined);
          void offerTo(stop, kiosk);
        }}
      />
      <SignatureDialog
        stop={signature?.stop}
        png={signature?.png}
        timeZone={timeZone}
        onClose={() => setSignature(undefined)}
      />
    </Card>
  );
}
