import { MutedOutlined, SoundOutlined } from '@ant-design/icons';
import { Button, Empty, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscortView } from '../../../../shared/contract/escorts';
import { intervalsOf } from '../../../../shared/domain/escort-timeline';
import { useDuration } from '../../common/useDuration';
import { formatLocal } from '../../../../shared/domain/time';
import type { BoardState } from './useEscortBoard';
import { EscortCard, stepGuards } from './EscortCard';
import { useLabels } from './labels';

export interface EscortBoardProps {
  board: BoardState;
  now: number;
  selectedId: number | undefined;
  pending: { id: number; version: number } | undefined;
  notices: Record<number, string>;
  /** The overdue beep is muted on this PC. */
  alarmMuted: boolean;
  onToggleAlarm(): void;
  onNew(): void;
  onSelect(id: number): void;
  onAdvance(escort: EscortView): void;
  onUndo(escort: EscortView): void;
  onCancel(escort: EscortView): void;
  onOpenDetail(id: number): void;
}

/** How many finished escorts show before 显示全部: one or two lines at 1366×768. */
export const CLOSED_FOLDED = 12;

/** Every active escort as a card, oldest first; below, the ones finished today. */
export function EscortBoard(props: EscortBoardProps) {
  const { board, now } = props;
  const { t } = useTranslation();
  const formatDuration = useDuration();
  const { step } = useLabels();
  const [allClosed, setAllClosed] = useState(false);
  const closed = allClosed ? board.closedToday : board.closedToday.slice(0, CLOSED_FOLDED);
  return (
    <div className="escort-board">
      <div className="escort-board-bar">
        <Button type="primary" size="large" className="escort-new" onClick={props.onNew}>
          {t('escorts.newEscort')}
        </Button>
        <Typography.Text type="secondary">{t('escorts.shortcuts')}</Typography.Text>
        <Button
          className="escort-alarm-toggle"
          aria-pressed={props.alarmMuted}
          icon={props.alarmMuted ? <MutedOutlined /> : <SoundOutlined />}
          onClick={props.onToggleAlarm}
        >
          {props.alarmMuted ? t('escorts.alarmMuted') : t('escorts.alarmOn')}
        </Button>
      </div>
      {board.open.length === 0 ? (
        <Empty className="escort-empty" description={t('escorts.empty')} />
      ) : (
        <div className="escort-grid">
          {board.open.map((e) => (
            <EscortCard
              key={e.id}
              escort={e}
              now={now}
              timeZone={board.timeZone}
              overdue={board.overdue}
              selected={e.id === props.selectedId}
              busy={e.id === props.pending?.id && e.version === props.pending.version}
              notice={props.notices[e.id]}
              onSelect={() => props.onSelect(e.id)}
              onAdvance={() => props.onAdvance(e)}
              onUndo={() => props.onUndo(e)}
              onCancel={() => props.onCancel(e)}
              onOpen={() => props.onOpenDetail(e.id)}
            />
          ))}
        </div>
      )}
      {board.closedToday.length > 0 && (
        <div className="escort-closed">
          <div className="escort-closed-head">
            <Typography.Title level={5}>{t('escorts.closedToday')}</Typography.Title>
            <Typography.Text type="secondary">
              {t('escorts.closedCount', { count: board.closedToday.length })}
            </Typography.Text>
            {board.closedToday.length > CLOSED_FOLDED && (
              <Button type="link" onClick={() => setAllClosed((v) => !v)}>
                {allClosed
                  ? t('escorts.showFewerClosed')
                  : t('escorts.showAllClosed', { count: board.closedToday.length })}
              </Button>
            )}
          </div>
          <ul className="escort-closed-list" aria-label={t('escorts.closedToday')}>
            {closed.map((e) => {
              const total = intervalsOf(e.times).requestToHandover;
              // The time it closed, named by how: 交接 17:06 or 取消 16:58 (not the 接报 time).
              const closedAt = e.status === 'cancelled' ? e.cancelledAt : e.times.handedOver;
              return (
                <li key={e.id}>
                  <Button type="link" onClick={() => props.onOpenDetail(e.id)}>
                    {e.plate}
                  </Button>
                  <Tag color={e.status === 'cancelled' ? 'default' : 'green'}>
                    {closedAt != null
                      ? t('escorts.closedAt', {
                          step: step(e.status),
                          time: formatLocal(closedAt, board.timeZone).slice(11, 16),
                        })
                      : step(e.status)}
                  </Tag>
                  {total !== null && <span>{formatDuration(total)}</span>}
                  {stepGuards(e, now).canUndo && (
                    <Button size="small" onClick={() => props.onUndo(e)}>
                      {t('escorts.undoStep', { step: step(e.status) })}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
