import { Descriptions, List, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EscortAuditRecord, EscortDetail } from '../../../../shared/contract/escorts';
import {
  conditions,
  destinations,
  requestSources,
  vehicleKinds,
  type EscortStatus,
} from '../../../../shared/domain/escort-kinds';
import { actorWords } from '../../admin/audit-words';
import { useDuration } from '../../common/useDuration';
import { formatLocal } from '../../../../shared/domain/time';
import { statusColor } from './HistoryTab';
import { useLabels } from './labels';

/** Summarises an audit entry's details: the reason and the changed fields, or the step and its time. */
function auditSummary(
  r: EscortAuditRecord,
  timeZone: string,
  stepLabel: (s: EscortStatus) => string,
  t: TFunction,
): string {
  const d = r.details as {
    reason?: string;
    changes?: Record<string, [unknown, unknown]>;
    step?: EscortStatus;
    at?: number;
  };
  const parts: string[] = [];
  if (d.step) parts.push(`${stepLabel(d.step)}${d.at ? ` ${formatLocal(d.at, timeZone, true)}` : ''}`);
  if (d.reason) parts.push(t('punct.labelled', { label: t('escorts.reasonLabel'), value: d.reason }));
  if (d.changes) {
    const show = (v: unknown) =>
      typeof v === 'number' && v > 946_684_800_000 ? formatLocal(v, timeZone) : JSON.stringify(v);
    const changes = Object.entries(d.changes)
      .map(([k, [a, b]]) => `${k} ${show(a)} → ${show(b)}`)
      .join(t('punct.listSep'));
    parts.push(t('punct.labelled', { label: t('escorts.changesLabel'), value: changes }));
  }
  return parts.join(' · ');
}

/** Pure: the record, its timeline (time + officer per step), the three intervals and the audit trail. */
export function EscortDetailView({ detail }: { detail: EscortDetail }) {
  const { t } = useTranslation();
  const formatDuration = useDuration();
  const { label, step } = useLabels();
  const { escort: e, timeZone } = detail;
  const none = t('escorts.none');
  const interval = (ms: number | null) => (ms === null ? none : formatDuration(ms));

  return (
    <div className="escort-detail">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('escorts.plate')}>
          <Typography.Text strong>{e.plate}</Typography.Text>
          {e.noPlateReason && t('punct.paren', { note: e.noPlateReason })}
        </Descriptions.Item>
        <Descriptions.Item label={t('escorts.outcome')}>
          <Tag color={statusColor(e)}>{step(e.status)}</Tag>
          {e.backdated && <Tag>{t('escorts.backdated')}</Tag>}
          {e.cancelReason && `${e.cancelReason}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('escorts.source')}>{label(requestSources, e.source) || none}</Descriptions.Item>
        <Descriptions.Item label={t('escorts.vehicle')}>{label(vehicleKinds, e.vehicle) || none}</Descriptions.Item>
        <Descriptions.Item label={t('escorts.condition')}>{label(conditions, e.condition) || none}</Descriptions.Item>
        <Descriptions.Item label={t('escorts.destination')}>
          {label(destinations, e.destination) || none}
        </Descriptions.Item>
        <Descriptions.Item label={t('escorts.meetPoint')}>{e.meetPoint ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('escorts.hospitalNotified')}>{e.hospitalNotified ? '✓' : none}</Descriptions.Item>
        <Descriptions.Item label={t('escorts.officers')}>
          {e.officers.map((o) => `${o.name} ${o.badge}`).join('、') || none}
        </Descriptions.Item>
        <Descriptions.Item label={t('escorts.relayFrom')}>{e.relayFrom ?? none}</Descriptions.Item>
        <Descriptions.Item
          label={t('escorts.createdBy')}
        >{`${e.createdBy.name} ${e.createdBy.badge}`}</Descriptions.Item>
        <Descriptions.Item label={t('escorts.notes')}>{e.notes ?? none}</Descriptions.Item>
      </Descriptions>

      <div className="escort-detail-columns">
        <section aria-label={t('escorts.timeline')}>
          <Typography.Title level={5}>{t('escorts.timeline')}</Typography.Title>
          <Timeline
            items={[
              ...detail.steps.map((s) => ({
                at: s.at,
                color: s.step === 'cancelled' ? 'gray' : 'green',
                content: (
                  <span data-testid={`timeline-${s.step}`}>
                    <strong>{step(s.step)}</strong> {formatLocal(s.at, timeZone, true)} · {s.officer.name}{' '}
                    {s.officer.badge}
                  </span>
                ),
              })),
              // The hospital's 已知悉 takes its place among the steps, by time.
              ...(e.preAlert
                ? [
                    {
                      at: e.preAlert.at,
                      color: 'blue',
                      content: (
                        <span data-testid="timeline-preAlert">
                          <strong>{t('escorts.auditActions.preAlertAck')}</strong>{' '}
                          {formatLocal(e.preAlert.at, timeZone, true)} · {e.preAlert.screenName}
                        </span>
                      ),
                    },
                  ]
                : []),
            ]
              .sort((a, b) => a.at - b.at)
              .map(({ color, content }) => ({ color, content }))}
          />
        </section>
        <section aria-label={t('escorts.intervals')}>
          <Typography.Title level={5}>{t('escorts.intervals')}</Typography.Title>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('escorts.requestToMet')}>
              {interval(detail.intervals.requestToMet)}
            </Descriptions.Item>
            <Descriptions.Item label={t('escorts.metToArrived')}>
              {interval(detail.intervals.metToArrived)}
            </Descriptions.Item>
            <Descriptions.Item label={t('escorts.requestToHandover')}>
              {interval(detail.intervals.requestToHandover)}
            </Descriptions.Item>
          </Descriptions>
        </section>
      </div>

      <Typography.Title level={5}>{t('escorts.audit')}</Typography.Title>
      <List
        size="small"
        bordered
        dataSource={detail.audit}
        renderItem={(r) => (
          <List.Item className="escort-audit-row">
            <span className="escort-audit-at">{formatLocal(r.at, timeZone, true)}</span>
            <Tag>
              {t(`escorts.auditActions.${r.action.replace(/^escort\./, '').replace('.', '_')}`, {
                defaultValue: r.action,
              })}
            </Tag>
            <span className="escort-audit-actor">{actorWords(r, t)}</span>
            <span>{auditSummary(r, timeZone, step, t)}</span>
          </List.Item>
        )}
      />
    </div>
  );
}
