import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { HandoverEscort, HandoverPrintStamp } from '../../../../shared/contract/handover';
import { advisoryKinds, conditions } from '../../../../shared/domain/escort-kinds';
import { stopOutcomes } from '../../../../shared/domain/helmet';
import { formatLocal } from '../../../../shared/domain/time';
import { SignLines } from '../../reports/SignLines';
import { PRINT_PAGE_WIDTH, usePrintLayout } from '../../reports/usePrintLayout';
import { useHandoverWords } from './useHandoverWords';

function EscortRows({ escorts, words: w }: { escorts: HandoverEscort[]; words: ReturnType<typeof useHandoverWords> }) {
  const { t } = useTranslation();
  return (
    <table className="print-table handover-print-escorts">
      <thead>
        <tr>
          <th>{t('handover.plate')}</th>
          <th>{t('handover.requestedAt')}</th>
          <th>{t('handover.condition')}</th>
          <th>{t('handover.crew')}</th>
          <th>{t('handover.status')}</th>
          <th>{t('handover.closedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {escorts.map((e) => (
          <tr key={e.id}>
            <td>{e.plate}</td>
            <td>{w.at(e.requestedAt)}</td>
            <td>{w.label(conditions, e.condition) || '—'}</td>
            <td>{w.crew(e.officers)}</td>
            <td>{w.step(e.status)}</td>
            <td>{e.closedAt === null ? '—' : w.at(e.closedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Rows of label → count, as the monthly report prints its tables. */
function CountRows({ rows }: { rows: [string, number][] }) {
  return (
    <table className="print-table">
      <tbody>
        {rows.map(([label, n]) => (
          <tr key={label}>
            <td>{label}</td>
            <td>{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The printed handover (A4, through the monthly report's print path): the record, the open escorts
 * taken over, the shift's escorts and figures, the notes, the audit head, and both officers' lines.
 */
export function HandoverPrint({ stamp, onReady }: { stamp: HandoverPrintStamp; onReady(): void }) {
  const { t } = useTranslation();
  const h = stamp.handover;
  const c = h.contents;
  const w = useHandoverWords(c);
  usePrintLayout(onReady);
  const when = (ms: number) => `${formatLocal(ms, c.timeZone, true)}`;
  const o = c.escortOutcomes;

  return createPortal(
    <div className="report-print" data-testid="handover-print" style={{ width: PRINT_PAGE_WIDTH }}>
      <header>
        <h1>{t('handover.printTitle', { post: c.postName })}</h1>
        <p>
          <strong>{w.title}</strong> · {t('punct.labelled', { label: t('handover.shiftWindow'), value: w.window })}
        </p>
        <p>{t('handover.printRecord', { id: h.id, at: when(h.signedAt), zone: c.timeZone })}</p>
        <p>{t('handover.printGenerated', { at: when(stamp.generatedAt), by: w.person(stamp.printedBy) })}</p>
        <p className="print-audit" data-testid="print-audit">
          {t('reports.printAudit', { seq: stamp.auditSeq, hash: stamp.auditHash })}
        </p>
        <p className="print-note">{t('handover.printNote')}</p>
      </header>
      <section className="print-section">
        <h3>
          {t('punct.labelled', { label: t('handover.outgoing'), value: w.person(h.outgoing) })} →{' '}
          {t('punct.labelled', { label: t('handover.incoming'), value: w.person(h.incoming) })}
        </h3>
      </section>
      <section className="print-section">
        <h3>{t('handover.takenOver', { count: h.takenOver.length })}</h3>
        {c.openEscorts.length ? <EscortRows escorts={c.openEscorts} words={w} /> : <p>{t('handover.noOpenEscorts')}</p>}
      </section>
      <section className="print-section">
        <h3>{t('handover.shiftEscorts')}</h3>
        {c.shiftEscorts.length ? (
          <EscortRows escorts={c.shiftEscorts} words={w} />
        ) : (
          <p>{t('handover.noShiftEscorts')}</p>
        )}
      </section>
      <section className="print-section handover-print-figures">
        <div>
          <h3>{t('handover.escortOutcomes')}</h3>
          <CountRows
            rows={[
              [t('handover.handedOver'), o.handedOver],
              [t('handover.cancelled'), o.cancelled],
              [t('handover.open'), o.open],
            ]}
          />
        </div>
        <div>
          <h3>
            {t('punct.aside', {
              text: t('handover.helmetStops'),
              note: t('handover.helmetTotal', { count: c.helmetStops.total }),
            })}
          </h3>
          <CountRows rows={stopOutcomes.map((k) => [t(`helmet.outcome.${k}`), c.helmetStops.byOutcome[k]])} />
        </div>
        <div>
          <h3>
            {t('punct.aside', {
              text: t('handover.advisories'),
              note: t('handover.advisoryTotal', { count: c.advisories.total }),
            })}
          </h3>
          <CountRows
            rows={Object.entries(advisoryKinds).map(([k, v]) => [
              v[w.lang],
              c.advisories.byKind[k as keyof typeof advisoryKinds],
            ])}
          />
        </div>
      </section>
      <section className="print-section">
        <h3>{t('handover.kiosks')}</h3>
        <p>
          {c.kiosks.paired ? t('handover.kioskState', c.kiosks) : t('handover.noKiosks')}
          {c.kiosks.names
            .map(
              (k) =>
                ` · ${t('punct.aside', { text: k.name, note: t(k.online ? 'handover.online' : 'handover.offline') })}`,
            )
            .join('')}
        </p>
      </section>
      <section className="print-section">
        <h3>{t('handover.notes')}</h3>
        <p className="handover-print-notes">{h.notes ?? t('handover.noNotes')}</p>
      </section>
      <SignLines
        seal={false}
        lines={[
          {
            label: t('handover.signOutgoing'),
            value: `${w.person(h.outgoing)}${t('handover.signConfirmed', { at: w.at(h.signedAt) })}`,
          },
          { label: t('handover.signHand') },
          {
            label: t('handover.signIncoming'),
            value: `${w.person(h.incoming)}${t('handover.signConfirmed', { at: w.at(h.signedAt) })}`,
          },
          { label: t('handover.signHand') },
        ]}
      />
    </div>,
    document.body,
  );
}
