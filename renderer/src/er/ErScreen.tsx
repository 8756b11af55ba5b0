import { useTranslation } from 'react-i18next';
import { ER_RECENT_MS, type ErEscort } from '../../../shared/contract/er';
import { conditions, destinations, vehicleKinds } from '../../../shared/domain/escort-kinds';
import { isOpen } from '../../../shared/domain/escort-timeline';
import { formatLocal } from '../../../shared/domain/time';
import { useLabels } from '../booth/escorts/labels';
import { LanguageToggle } from './LanguageToggle';
import { ErEscortCard } from './ErEscortCard';
import { isFresh, type ErBoardState } from './useErBoard';

export interface ErScreenProps {
  board: ErBoardState;
  now: number;
  /** Escorts this screen chimed for; each stays highlighted until 已知悉 or its end. */
  announced: ReadonlySet<number>;
  connected: boolean;
  error: string | undefined;
  muted: boolean;
  /** The browser has not let the page play sound yet: one tap is needed. */
  soundBlocked: boolean;
  onAcknowledge(escort: ErEscort): void;
  onToggleMuted(): void;
  onEnableSound(): void;
}

const closedAt = (e: ErEscort) => (e.status === 'cancelled' ? e.cancelledAt : e.times.handedOver) ?? 0;

/** The ER wall screen: incoming escorts as large cards, the recently ended below, sound controls on top. */
export function ErScreen(props: ErScreenProps) {
  const { board, now, announced } = props;
  const { t } = useTranslation();
  const { label } = useLabels();
  const incoming = board.escorts.filter((e) => isOpen(e.status));
  const recent = board.escorts.filter((e) => !isOpen(e.status) && now - closedAt(e) <= ER_RECENT_MS);
  const newest = incoming.find((e) => isFresh(e, announced));
  const card = (e: ErEscort) => (
    <ErEscortCard
      key={e.id}
      escort={e}
      now={now}
      timeZone={board.timeZone}
      overdue={board.overdue}
      fresh={isFresh(e, announced)}
      onAcknowledge={() => props.onAcknowledge(e)}
    />
  );
  return (
    <div className="er-screen">
      <header className="er-top">
        <div>
          <h1>{t('er.title')}</h1>
          <p className="er-sub">{t('er.subtitle', { post: board.postName })}</p>
        </div>
        <p className="er-clock">{t('er.clock', { time: formatLocal(now, board.timeZone).slice(11, 16) })}</p>
        <div className="er-controls">
          <button type="button" className="er-button" aria-pressed={props.muted} onClick={props.onToggleMuted}>
            {props.muted ? t('er.soundMuted') : t('er.soundOn')}
          </button>
          <LanguageToggle />
        </div>
      </header>
      {props.soundBlocked && !props.muted && (
        <button type="button" className="er-enable-sound" onClick={props.onEnableSound}>
          {t('er.enableSound')}
        </button>
      )}
      {!props.connected && (
        <p className="er-banner" role="alert">
          {t('er.offline')}
        </p>
      )}
      {props.error && (
        <p className="er-banner" role="alert">
          {props.error}
        </p>
      )}
      <p className="er-live" role="status" aria-live="assertive">
        {newest &&
          t('er.newArrival', {
            condition: label(conditions, newest.condition) || t('er.unknownCondition'),
            destination: label(destinations, newest.destination) || t('er.unknownDestination'),
            vehicle: [label(vehicleKinds, newest.vehicle), newest.plate].filter(Boolean).join(' '),
          })}
      </p>
      <main className="er-main">
        <h2 className="er-section">{t('er.incoming')}</h2>
        {incoming.length ? (
          <div className="er-grid">{incoming.map(card)}</div>
        ) : (
          <p className="er-none">{t('er.none')}</p>
        )}
        {recent.length > 0 && (
          <>
            <h2 className="er-section">{t('er.recent')}</h2>
            <div className="er-grid is-recent">{recent.map(card)}</div>
          </>
        )}
      </main>
    </div>
  );
}
