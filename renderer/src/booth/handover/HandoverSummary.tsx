import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverContents } from '../../../../shared/contract/handover';
import { advisoryKinds } from '../../../../shared/domain/escort-kinds';
import { stopOutcomes } from '../../../../shared/domain/helmet';
import { useLabels } from '../escorts/labels';

function Figure({ title, value, children }: { title: string; value: string; children?: ReactNode }) {
  return (
    <section className="handover-figure">
      <h3>{title}</h3>
      <p className="handover-figure-value">{value}</p>
      {children}
    </section>
  );
}

/** The shift in four figures: escort outcomes, helmet stops, 劝导 and the kiosks. */
export function HandoverSummary({ contents: c }: { contents: HandoverContents }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const o = c.escortOutcomes;
  return (
    <div className="handover-figures" data-testid="handover-figures">
      <Figure title={t('handover.escortOutcomes')} value={t('handover.escortTotal', { count: c.shiftEscorts.length })}>
        <p>
          {t('handover.handedOver')} {o.handedOver} · {t('handover.cancelled')} {o.cancelled} · {t('handover.open')}{' '}
          {o.open}
        </p>
      </Figure>
      <Figure title={t('handover.helmetStops')} value={t('handover.helmetTotal', { count: c.helmetStops.total })}>
        <p>
          {stopOutcomes
            .filter((k) => c.helmetStops.byOutcome[k] > 0)
            .map((k) => `${t(`helmet.outcome.${k}`)} ${c.helmetStops.byOutcome[k]}`)
            .join(' · ')}
        </p>
      </Figure>
      <Figure title={t('handover.advisories')} value={t('handover.advisoryTotal', { count: c.advisories.total })}>
        <p>
          {Object.keys(advisoryKinds)
            .map((k) => `${label(advisoryKinds, k)} ${c.advisories.byKind[k as keyof typeof advisoryKinds]}`)
            .join(' · ')}
        </p>
      </Figure>
      <Figure
        title={t('handover.kiosks')}
        value={c.kiosks.paired ? t('handover.kioskState', c.kiosks) : t('handover.noKiosks')}
      >
        <p>
          {c.kiosks.names.map((k) => (
            <Tag key={k.name} color={k.online ? 'green' : 'default'}>
              {k.name} {t(k.online ? 'handover.online' : 'handover.offline')}
            </Tag>
          ))}
        </p>
      </Figure>
    </div>
  );
}
