import { Button, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EscortView } from '../../../../shared/contract/escorts';
import { conditions, destinations, escortSteps, requestSources } from '../../../../shared/domain/escort-kinds';
import {
  formatElapsed,
  nextStep,
  nextStepAllowedAt,
  STEP_UNDO_WINDOW_MS,
  undoStepUntil,
} from '../../../../shared/domain/escort-timeline';
import { overdueStep, type OverdueLimits } from '../../../../shared/domain/overdue';
import { formatLocal } from '../../../../shared/domain/time';
import { useLabels } from './labels';

export interface EscortCardProps {
  escort: EscortView;
  now: number;
  timeZone: string;
  overdue: OverdueLimits;
  selected: boolean;
  busy: boolean;
  /** A refusal to show on the card (e.g. someone else pressed the step first). */
  notice?: string;
  onSelect(): void;
  onAdvance(): void;
  onUndo(): void;
  onCancel(): void;
  /** Opens the record: 病情, 送往 and the rest can be filled in while the escort runs. */
  onOpen(): void;
}

/**
 * The press guards in screen time. The core decides (STEP_MIN_GAP_MS, STEP_UNDO_WINDOW_MS); the card
 * waits a little longer than the gap so a press it offers is one the core accepts despite clock skew.
 */
const SKEW_MARGIN_MS = 500;

export function stepGuards(escort: EscortView, now: number) {
  const lastAt = escort.status === 'cancelled' ? null : escort.times[escort.status];
  const allowedAt = lastAt == null ? now : nextStepAllowedAt(escort.status, lastAt);
  // No gap after 接报: the margin is for the gap only, or 会合 would be refused for half a second after 新建.
  const readyAt = lastAt == null || allowedAt === lastAt ? now : allowedAt + SKEW_MARGIN_MS;
  const undoUntil = undoStepUntil(escort.status, lastAt);
  return {
    /** Seconds until the next step may be pressed; 0 when it may. */
    waitSeconds: readyAt > now ? Math.ceil((readyAt - now) / 1000) : 0,
    canUndo: undoUntil !== undefined && now < undoUntil - SKEW_MARGIN_MS,
  };
}

const stopping = (action: () => void) => (e: { stopPropagation(): void }) => {
  e.stopPropagation();
  action();
};

const clock = (ms: number, timeZone: string) => formatLocal(ms, timeZone).slice(11);

/** One active escort: plate, live timer, the steps so far and the next step as one big button. */
export function EscortCard(props: EscortCardProps) {
  const { escort, now, timeZone, selected, busy, notice } = props;
  const { t } = useTranslation();
  const { label, step } = useLabels();
  const next = nextStep(escort.status);
  const late = overdueStep(escort.status, escort.times.requested!, now, props.overdue);
  const overdue = late !== null;
  const { waitSeconds, canUndo } = stepGuards(escort, now);
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
        <Button
          type="link"
          className="escort-plate"
          aria-label={t('escorts.openDetail', { plate: escort.plate })}
          onClick={stopping(props.onOpen)}
        >
          {escort.plate}
        </Button>
        <Tag color={overdue ? 'red' : 'green'}>{step(escort.status)}</Tag>
        {overdue && <Tag color="red">{t('escorts.overdue')}</Tag>}
        {escort.preAlert && (
          <Tag color="blue" title={escort.preAlert.screenName}>
            {t('escorts.preAlertAcked', { time: clock(escort.preAlert.at, timeZone) })}
          </Tag>
        )}
      </div>
      <div
        className="escort-timer"
        role="timer"
        aria-label={t('escorts.elapsed')}
        title={
          late ? t('escorts.overdueHint', { minutes: props.overdue.deadlines[late], step: step(late) }) : undefined
        }
      >
        {formatElapsed(now - escort.times.requested!)}
      </div>
      <ol className="escort-steps">
        {escortSteps.map((s) => (
          <li key={s} className={escort.times[s] ? 'done' : undefined}>
            <span>{step(s)}</span> <span>{escort.times[s] ? clock(escort.times[s], timeZone) : '--:--'}</span>
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
            disabled={busy || waitSeconds > 0}
            className="escort-next"
            onClick={stopping(props.onAdvance)}
          >
            {step(next)}
          </Button>
        )}
        <Button size="large" danger disabled={busy} onClick={stopping(props.onCancel)}>
          {t('escorts.cancel')}
        </Button>
      </div>
      {/* Always there, so cards do not jump when a step starts or ends its guard. */}
      <div className="escort-guard">
        {waitSeconds > 0 && (
          <Typography.Text type="secondary">{t('escorts.stepCooldown', { seconds: waitSeconds })}</Typography.Text>
        )}
        {canUndo && (
          <Button
            disabled={busy}
            title={t('escorts.undoStepHint', { seconds: STEP_UNDO_WINDOW_MS / 1000 })}
            onClick={stopping(props.onUndo)}
          >
            {t('escorts.undoStep', { step: step(escort.status) })}
          </Button>
        )}
      </div>
    </section>
  );
}
