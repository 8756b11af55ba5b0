import { Button, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EscortView } from '../../../../shared/contract/escorts';
import { formatDuration, intervalsOf } from '../../../../shared/domain/escort-timeline';
import { formatLocal } from '../../../../shared/domain/time';
import type { BoardState } from './useEscortBoard';
import { EscortCard } from './EscortCard';
import { useLabels } from './labels';

export interface EscortBoardProps {
  board: BoardState;
  now: number;
  selectedId: number | undefined;
  pending: { id: number; version: number } | undefined;
  notices: Record<number, string>;
  onNew(): void;
  onSelect(id: number): void;
  onAdvance(escort: EscortView): void;
  onCancel(escort: EscortView): void;
  onOpenDetail(id: number): void;
}

/** Every active escort as a card, oldest first; below, the ones finished today. */
export function EscortBoard(props: EscortBoardProps) {
  const { board, now } = props;
  const { t } = useTranslation();
  const { step } = useLabels();
  return (
    <div className="escort-board">
      <div className="escort-board-bar">
        <Button type="primary" size="large" className="escort-new" onClick={props.onNew}>
          {t('escorts.newEscort')}
        </Button>
        <Typography.Text type="secondary">{t('escorts.shortcuts')}</Typography.Text>
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
              overdueMinutes={board.overdueEscortMinutes}
              selected={e.id === props.selectedId}
              busy={e.id === props.pending?.id && e.version === props.pending.version}
              notice={props.notices[e.id]}
              onSelect={() => props.onSelect(e.id)}
              onAdvance={() => props.onAdvance(e)}
              onCancel={() => props.onCancel(e)}
            />
          ))}
        </div>
      )}
      {board.closedToday.length > 0 && (
        <div className="escort-closed">
          <Typography.Title level={5}>{t('escorts.closedToday')}</Typography.Title>
          <ul aria-label={t('escorts.closedToday')}>
            {board.closedToday.map((e) => {
              const total = intervalsOf(e.times).requestToHandover;
              return (
                <li key={e.id}>
                  <Button type="link" onClick={() => props.onOpenDetail(e.id)}>
                    {e.plate}
                  </Button>
                  <Tag color={e.status === 'cancelled' ? 'default' : 'green'}>{step(e.status)}</Tag>
                  <span>{formatLocal(e.times.requested!, board.timeZone).slice(11)}</span>
                  {total !== null && <span> · {formatDuration(total)}</span>}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
