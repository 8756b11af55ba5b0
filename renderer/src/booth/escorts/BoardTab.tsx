import { Alert, Spin } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Officer } from '../../../../shared/contract/auth';
import type { EscortOfficer, EscortView } from '../../../../shared/contract/escorts';
import { isOpen, nextStep } from '../../../../shared/domain/escort-timeline';
import { AdvisoryPanel } from './AdvisoryPanel';
import { CancelEscortDialog } from './CancelEscortDialog';
import { CountersBar } from './CountersBar';
import { EscortBoard } from './EscortBoard';
import { stepGuards } from './EscortCard';
import { NewEscortDialog } from './NewEscortDialog';
import { useAdvisories } from './useAdvisories';
import { useBoardKeys } from './useBoardKeys';
import { useEscortBoard } from './useEscortBoard';
import { useNow } from './useNow';
import { useOverdueAlarm } from './useOverdueAlarm';

export interface BoardTabProps {
  officer: Officer;
  officers: EscortOfficer[];
  active: boolean;
  onOpenDetail(id: number): void;
}

/** Container: the live board, its dialogs, counters and 劝导 panel, wired to the core. */
export function BoardTab({ officer, officers, active, onOpenDetail }: BoardTabProps) {
  const { t } = useTranslation();
  const { board, loadError, create, advance, undoStep, cancel } = useEscortBoard();
  const advisories = useAdvisories(officer.id);
  const now = useNow(board?.clockOffset ?? 0);
  const [creating, setCreating] = useState(false);
  const [cancelling, setCancelling] = useState<EscortView>();
  const [selectedId, setSelectedId] = useState<number>();
  /** The escort (and the version) a press is in flight for: its card waits until that version is gone. */
  const [pending, setPending] = useState<{ id: number; version: number }>();
  const [notices, setNotices] = useState<Record<number, string>>({});

  const note = (id: number, text: string | undefined) =>
    setNotices(({ [id]: _old, ...rest }) => (text ? { ...rest, [id]: text } : rest));

  const press = useCallback(
    async (escort: EscortView) => {
      const step = nextStep(escort.status);
      // A press inside the guard (a held or repeated Enter) does nothing; the card shows the countdown.
      if (!step || stepGuards(escort, Date.now() + (board?.clockOffset ?? 0)).waitSeconds > 0) return;
      setSelectedId(escort.id);
      setPending({ id: escort.id, version: escort.version });
      const ack = await advance(escort, step);
      setPending(undefined);
      note(escort.id, ack.ok ? undefined : ack.error.message);
    },
    [advance, board?.clockOffset],
  );

  const undo = useCallback(
    async (escort: EscortView) => {
      setPending({ id: escort.id, version: escort.version });
      const ack = await undoStep(escort);
      setPending(undefined);
      if (ack.ok && isOpen(ack.value.status)) setSelectedId(ack.value.id);
      note(escort.id, ack.ok ? undefined : ack.error.message);
    },
    [undoStep],
  );

  const open = board?.open ?? [];
  const alarm = useOverdueAlarm(open, now, board?.overdue);
  const selected = open.find((e) => e.id === selectedId) ?? open[0];
  useBoardKeys({
    enabled: active && !creating && !cancelling,
    onNew: useCallback(() => setCreating(true), []),
    onMove: (delta) => {
      if (!open.length) return;
      const i = selected ? open.indexOf(selected) : -1;
      setSelectedId(open[(i + delta + open.length) % open.length]!.id);
    },
    onAdvanceSelected: () => void (selected && press(selected)),
  });

  if (!board)
    return loadError ? (
      <Alert type="error" showIcon title={loadError} />
    ) : (
      <Spin style={{ marginTop: 96, width: '100%' }} />
    );

  return (
    <div className="escort-layout">
      <EscortBoard
        board={board}
        now={now}
        selectedId={selected?.id}
        pending={pending}
        notices={notices}
        alarmMuted={alarm.muted}
        onToggleAlarm={alarm.toggleMuted}
        onNew={() => setCreating(true)}
        onSelect={setSelectedId}
        onAdvance={(e) => void press(e)}
        onUndo={(e) => void undo(e)}
        onCancel={setCancelling}
        onOpenDetail={onOpenDetail}
      />
      <aside className="escort-side" aria-label={t('escorts.sinceOpening')}>
        <CountersBar counters={board.counters} />
        <AdvisoryPanel
          tally={advisories.tally}
          error={advisories.error}
          onTap={advisories.tap}
          onUndo={advisories.undo}
        />
      </aside>
      <NewEscortDialog
        open={creating}
        me={officer.id}
        platePrefix={board.defaultPlatePrefix}
        timeZone={board.timeZone}
        meetPoints={board.recentMeetPoints}
        officers={officers}
        onCreate={async (input) => {
          const ack = await create(input);
          if (ack.ok) setSelectedId(ack.value.id);
          return ack;
        }}
        onClose={() => setCreating(false)}
      />
      <CancelEscortDialog
        escort={cancelling}
        onConfirm={async (escort, reason) => {
          const ack = await cancel(escort, reason);
          if (!ack.ok) note(escort.id, ack.error.message);
          return ack.ok ? undefined : ack.error.message;
        }}
        onClose={() => setCancelling(undefined)}
      />
    </div>
  );
}
