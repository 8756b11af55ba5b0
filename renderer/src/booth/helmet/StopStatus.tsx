import { Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HelmetStop } from '../../../../shared/contract/helmet';

/** The live part of a row: where the stop is, and while the rider watches, how far as a percentage. */
export function StopStatus({ stop, kioskOnline }: { stop: HelmetStop; kioskOnline: boolean }) {
  const { t } = useTranslation();
  const s = stop.session;
  const live = s && (stop.outcome === 'offered' || stop.outcome === 'education');

  if (live) {
    return (
      <Space direction="vertical" size={2} style={{ width: '100%' }} data-testid={`stop-progress-${stop.id}`}>
        <Space size={6} wrap>
          <Tag color="processing">{t(`helmet.phase.${s.phase}`)}</Tag>
          <Typography.Text type="secondary">{t('helmet.status.onKiosk', { kiosk: s.kioskName })}</Typography.Text>
          {s.phase === 'quiz' && (
            <Typography.Text>{t('helmet.status.quizAttempt', { n: s.quizAttempts + 1 })}</Typography.Text>
          )}
          {!kioskOnline && <Tag color="red">{t('helmet.status.kioskOffline')}</Tag>}
        </Space>
        {s.phase !== 'choice' && (
          <Progress percent={s.percent} size="small" status="active" style={{ margin: 0, maxWidth: 240 }} />
        )}
        {s.promptsMissed > 0 && (
          <Typography.Text type="warning">{t('helmet.status.missedPrompts', { n: s.promptsMissed })}</Typography.Text>
        )}
      </Space>
    );
  }
  switch (stop.outcome) {
    case 'completed':
      return (
        <Space size={4} wrap>
          <Tag color="success">{t('helmet.outcome.completed')}</Tag>
          {s?.quizScore != null && (
            <Typography.Text type="secondary">{t('helmet.status.quizScore', { score: s.quizScore })}</Typography.Text>
          )}
        </Space>
      );
    case 'fined':
      return stop.ticketNo ? (
        <Space size={4} wrap>
          <Tag color="gold">{t('helmet.status.fined', { yuan: stop.fineYuan })}</Tag>
          <Typography.Text type="secondary">{t('helmet.status.ticket', { no: stop.ticketNo })}</Typography.Text>
        </Space>
      ) : (
        <Tag color="orange">{t('helmet.status.ticketPending')}</Tag>
      );
    case 'abandoned':
      return (
        <Tag color="error">
          {s?.endReason
            ? t('punct.aside', { text: t('helmet.outcome.abandoned'), note: t(`helmet.endReason.${s.endReason}`) })
            : t('helmet.outcome.abandoned')}
        </Tag>
      );
    case 'cancelled':
      return <Tag>{t('helmet.outcome.cancelled')}</Tag>;
    default:
      return <Tag color="blue">{t(`helmet.outcome.${stop.outcome}`)}</Tag>;
  }
}
