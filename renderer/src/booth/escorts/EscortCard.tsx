import { Button, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EscortView } from '../../../../shared/contract/escorts';
import { conditions, destinations, escortSteps, requestSources } from '../../../../shared/domain/escort-kinds';
import { formatElapsed, isOverdue, nextStep } from '../../../../shared/domain/escort-timeline';
import { formatLocal } from '../../../../shared/domain/time';
import { useLabels } from './labels';

export interface EscortCardProps {
  escort: EscortView;
  now: number;
  timeZone: string;
  overdueMinutes: number;
  selected: boolean;
  busy: boolean;
  /** A refusal to show on the card (e.g. someone else pressed the step first). */
  notice?: string;
  onSelect(): void;
  onAdvance(): void;
  onCancel(): void;
}

const clock = (ms: number, timeZone: string) => formatLocal(ms, timeZone).slice(11);

/** One active escort: plate, live timer, the steps so far and the next step as one big button. */
export function EscortCard(props: EscortCardProps) {
  const { escort, now, timeZone, overdueMinutes, selected, busy, notice } = props;
  const { t } = useTranslation();
  const { label, step } = useLabels();
  const next = nextStep(escort.status);
  const overdue = isOverdue(escort.status, escort.times.requested!, now, overdueMinutes);
  const facts = [
    label(requestSources, escort.source),
    label(conditions, escort.condition),
    label(destinations, escort.destination),
    escort.officers.map((o) => o.name).join('、'),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <section
      aria-label={escort.plate}
      data-testid="escort-card"
      className={`escort-card${selected ? ' is-selected' : ''}${overdue ? ' is-overdue' : ''}`}
      onClick={props.onSelect}
    >
      <div className="escort-card-head">
        <Typography.Text strong className="escort-plate">
          {escort.plate}
        </Typography.Text>
        <Tag color={overdue ? 'red' : 'green'}>{step(escort.status)}</Tag>
        {overdue && <Tag color="red">{t('escorts.overdue')}</Tag>}
      </div>
      <div
        className="escort-timer"
        role="timer"
        aria-label={t('escorts.elapsed')}
        title={overdue ? t('escorts.overdueHint', { minutes: overdueMinutes }) : undefined}
      >
        {formatElapsed(now - escort.times.requested!)}
      </div>
      <ol className="escort-steps">
        {escortSteps.map((s) => (
          <li key={s} className={escort.times[s] ? 'done' : undefined}>
            <span>{step(s)}</span>
            <span>{escort.times[s] ? clock(escort.times[s], timeZone) : '--:--'}</span>
          </li>
        ))}
      </ol>
      <Typography.Text type="secondary" className="escort-facts">
        {facts}
      </Typography.Text>
      {notice && (
        <div role="alert" className="escort-notice">
          {notice}
        </div>
      )}
      <div className="escort-actions">
        {next && (
          <Button
            type="primary"
            size="large"
            // Disabled rather than `loading`: the accessible name stays the step's own word.
            disabled={busy}
            className="escort-next"
            onClick={(e) => {
              e.stopPropagation();
              props.onAdvance();
            }}
          >
            {step(next)}
          </Button>
        )}
        <Button
          size="large"
          danger
          disabled={busy}
          onClick={(e) => {
            e.stopPropagation();
            props.onCancel();
          }}
        >
          {t('escorts.cancel')}
        </Button>
      </div>
    </section>
  );
}
