import { useTranslation } from 'react-i18next';
import type { ErEscort } from '../../../shared/contract/er';
import { conditions, destinations, escortSteps, vehicleKinds } from '../../../shared/domain/escort-kinds';
import { isOpen } from '../../../shared/domain/escort-timeline';
import { overdueStep, type OverdueLimits } from '../../../shared/domain/overdue';
import { formatLocal } from '../../../shared/domain/time';
import { useLabels } from '../booth/escorts/labels';
import { useDuration } from '../common/useDuration';

export interface ErEscortCardProps {
  escort: ErEscort;
  now: number;
  timeZone: string;
  overdue: OverdueLimits;
  /** Not seen on this screen before and not yet acknowledged: it pulses. */
  fresh: boolean;
  onAcknowledge(): void;
}

const hhmm = (ms: number, timeZone: string) => formatLocal(ms, timeZone).slice(11, 16);

/** One incoming escort, readable from across the room: what, where to, how long, and 已知悉. */
export function ErEscortCard({ escort, now, timeZone, overdue, fresh, onAcknowledge }: ErEscortCardProps) {
  const { t } = useTranslation();
  const { label, step } = useLabels();
  const duration = useDuration();
  const open = isOpen(escort.status);
  const late = open ? overdueStep(escort.status, escort.times.requested!, now, overdue) : null;
  const condition = label(conditions, escort.condition) || t('er.unknownCondition');
  const destination = label(destinations, escort.destination) || t('er.unknownDestination');
  const classes = [
    'er-card',
    `is-${escort.condition ?? 'unknown'}`,
    open ? 'is-open' : 'is-closed',
    fresh ? 'is-fresh' : '',
    late ? 'is-overdue' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <article className={classes} aria-label={`${escort.plate} ${condition}`} data-testid="er-card">
      <header className="er-card-head">
        <span className="er-condition">{condition}</span>
        <span className="er-arrow" aria-hidden>
          →
        </span>
        <span className="er-destination">{destination}</span>
      </header>
      <p className="er-vehicle">
        {label(vehicleKinds, escort.vehicle)} <strong className="er-plate">{escort.plate}</strong>
      </p>
      {open ? (
        <p className="er-elapsed" role="timer">
          {t('er.since', { elapsed: duration(now - escort.times.requested!) })}
        </p>
      ) : (
        <p className="er-elapsed">
          {escort.status === 'cancelled'
            ? t('er.cancelled')
            : t('er.handedOver', { time: hhmm(escort.times.handedOver!, timeZone) })}
        </p>
      )}
      <ol className="er-steps" aria-label={t('er.step', { step: step(escort.status) })}>
        {escortSteps.map((s) => (
          <li
            key={s}
            className={escort.times[s] ? 'done' : undefined}
            aria-current={escort.status === s ? 'step' : undefined}
          >
            <span>{step(s)}</span>
            <span>{escort.times[s] ? hhmm(escort.times[s], timeZone) : '--:--'}</span>
          </li>
        ))}
      </ol>
      {late && (
        <p className="er-overdue" role="status">
          {t('er.overdue', { step: step(late) })}
        </p>
      )}
      <footer className="er-card-foot">
        {escort.preAlert ? (
          <span className="er-acked">
            {t('er.acknowledgedBy', { time: hhmm(escort.preAlert.at, timeZone), screen: escort.preAlert.screenName })}
          </span>
        ) : (
          // A finished escort is past warning anyone: only one still on its way asks for 已知悉.
          open && (
            <button
              type="button"
              className="er-ack"
              aria-label={t('er.acknowledgeFor', { plate: escort.plate })}
              onClick={onAcknowledge}
            >
              {t('er.acknowledge')}
            </button>
          )
        )}
      </footer>
    </article>
  );
}
