import { Spin, Tabs } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Officer } from '../../../../shared/contract/auth';
import type { EscortOfficer } from '../../../../shared/contract/escorts';
import { useOfficerRequest } from './useOfficerRequest';
import { BoardTab } from './BoardTab';
import './escorts.css';

// History and detail (tables, date pickers, timelines) load on first use: the board comes up first.
const HistoryTab = lazy(() => import('./HistoryTab').then((m) => ({ default: m.HistoryTab })));
const EscortDetailDrawer = lazy(() => import('./EscortDetailDrawer').then((m) => ({ default: m.EscortDetailDrawer })));

/** 绿色通道: the live board and the history, sharing one detail drawer. */
export function EscortsPage({ officer }: { officer: Officer }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState('board');
  const [officers, setOfficers] = useState<EscortOfficer[]>([]);
  const [detailId, setDetailId] = useState<number>();

  useOfficerRequest('escort:officers', {}, (ack) => ack.ok && setOfficers(ack.value));

  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        className="escort-tabs"
        items={[
          {
            key: 'board',
            label: t('escorts.board'),
            children: (
              <BoardTab
                officer={officer}
                officers={officers}
                active={tab === 'board' && detailId === undefined}
                onOpenDetail={setDetailId}
              />
            ),
          },
          {
            key: 'history',
            label: t('escorts.history'),
            children: (
              <Suspense fallback={<Spin />}>
                <HistoryTab officers={officers} onOpenDetail={setDetailId} />
              </Suspense>
            ),
          },
        ]}
      />
      {detailId !== undefined && (
        <Suspense fallback={null}>
          <EscortDetailDrawer id={detailId} officers={officers} onClose={() => setDetailId(undefined)} />
        </Suspense>
      )}
    </>
  );
}
