import { Alert, Button, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverRecord } from '../../../../shared/contract/handover';
import { HandoverHistory } from './HandoverHistory';
import { HandoverRecordCard } from './HandoverRecordCard';
import { HandoverSignForm } from './HandoverSignForm';
import { HandoverView } from './HandoverView';
import { useHandoverDraft } from './useHandoverDraft';
import './handover.css';

/**
 * 交接班 is a page of the booth, not a dialog: a handover is a screen's worth (the shift's figures,
 * every open escort to take over, two PINs, then the record and the list by day), read at leisure at
 * the shift's end. Any officer opens it from their own menu (see pages.tsx).
 */
export function HandoverPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('current');
  const { draft, error, sign, refresh } = useHandoverDraft();
  const [signed, setSigned] = useState<HandoverRecord>();
  const [signedCount, setSignedCount] = useState(0);

  const current = signed ? (
    <>
      <Alert
        type="success"
        showIcon
        role="status"
        title={t('handover.signed', { outgoing: signed.outgoing.name, incoming: signed.incoming.name, id: signed.id })}
        style={{ marginBottom: 12 }}
      />
      <HandoverView
        contents={signed.contents}
        aside={<HandoverRecordCard record={signed} />}
        actions={<Button onClick={() => setSigned(undefined)}>{t('handover.newHandover')}</Button>}
      />
    </>
  ) : draft ? (
    <HandoverView
      contents={draft.contents}
      actions={<Button onClick={refresh}>{t('handover.refresh')}</Button>}
      aside={
        <HandoverSignForm
          draft={draft}
          onSign={sign}
          onSigned={(record) => {
            setSigned(record);
            setSignedCount((n) => n + 1);
          }}
        />
      }
    />
  ) : error ? (
    <Alert type="error" showIcon role="alert" title={error} />
  ) : (
    <Spin size="large" style={{ display: 'block', marginTop: 96 }} />
  );

  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      className="handover-tabs"
      items={[
        { key: 'current', label: t('handover.current'), children: current },
        { key: 'history', label: t('handover.history'), children: <HandoverHistory refresh={signedCount} /> },
      ]}
    />
  );
}
