import { useMemo } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { PrintStamp } from '../../../shared/contract/reports';
import { formatLocal } from '../../../shared/domain/time';
import { chartOption, type ChartSpec } from './chart-spec';
import { DoorTimesPrint } from './DoorTimesTable';
import { EChart } from './EChart';
import { reportSpecs } from './report-sections';
import type { Lang } from './report-charts';
import { SignLines } from './SignLines';
import { PrintTable } from './SpecTable';
import { PRINT_PAGE_WIDTH, usePrintLayout } from './usePrintLayout';

function PrintSection({ spec, height = 200 }: { spec: ChartSpec; height?: number }) {
  const option = useMemo(() => chartOption(spec, false), [spec]);
  return (
    <section className="print-section">
      <h3>{spec.title}</h3>
      {spec.categories.length > 0 && (
        <EChart option={option} width={PRINT_PAGE_WIDTH} height={height} label={spec.title} />
      )}
      <PrintTable spec={spec} across={spec.categories.length > 12} />
    </section>
  );
}

export interface ReportPrintProps {
  stamp: PrintStamp;
  lang: Lang;
  /** Called once the layout and its charts are drawn, i.e. when the page may be printed. */
  onReady(): void;
}

/**
 * The print layout of the report: post, month, generation time and the audit chain head, then every
 * chart with its table. It lives outside #root; print CSS shows only it while it is mounted, so
 * Electron's printToPDF, the browser's print dialog and Playwright's page.pdf() all render this.
 */
export function ReportPrint({ stamp, lang, onReady }: ReportPrintProps) {
  const { t } = useTranslation();
  const r = stamp.report;
  const specs = useMemo(() => reportSpecs(r, t, lang, r.namesInExports), [r, t, lang]);
  const month = `${r.month.year}-${String(r.month.month).padStart(2, '0')}`;

  usePrintLayout(onReady);

  return createPortal(
    <div className="report-print" data-testid="report-print" style={{ width: PRINT_PAGE_WIDTH }}>
      <header>
        <h1>{t('reports.printTitle', { post: r.postName })}</h1>
        <p>{t('reports.printMonth', { month })}</p>
        <p>
          {t('reports.printGenerated', { at: `${formatLocal(stamp.generatedAt, r.timeZone, true)} (${r.timeZone})` })}
        </p>
        <p className="print-audit" data-testid="print-audit">
          {t('reports.printAudit', { seq: stamp.auditSeq, hash: stamp.auditHash })}
        </p>
        <p className="print-note">
          {t('reports.printNote')}
          {!r.namesInExports && ` ${t('reports.namesHidden')}`}
        </p>
      </header>
      <PrintSection spec={specs.compare} />
      <PrintSection spec={specs.outcome} />
      <PrintSection spec={specs.source} />
      <PrintSection spec={specs.vehicle} />
      <PrintSection spec={specs.condition} height={260} />
      <PrintSection spec={specs.destination} height={240} />
      <PrintSection spec={specs.intervals} />
      <PrintSection spec={specs.officer} />
      <DoorTimesPrint doorTimes={r.doorTimes} lang={lang} />
      <PrintSection spec={specs.hour} />
      <section className="print-section">
        <h3>{specs.helmetFigures.title}</h3>
        <PrintTable spec={specs.helmetFigures} across={false} />
      </section>
      {specs.helmet.map((spec) => (
        <PrintSection key={spec.key} spec={spec} />
      ))}
      <PrintSection spec={specs.advisory} />
      <PrintSection spec={specs.year} height={240} />
      <section className="print-section">
        <h3>{t('reports.sinceOpening')}</h3>
        <p>
          {t('reports.escorts')} {r.sinceOpening.escorts} · {t('reports.advisories')} {r.sinceOpening.advisories} ·{' '}
          {t('reports.helmetStops')} {r.sinceOpening.helmetStops} · {t('reports.educationsCompleted')}{' '}
          {r.sinceOpening.educationsCompleted} · {t('reports.since')}{' '}
          {r.sinceOpening.since === null ? '—' : formatLocal(r.sinceOpening.since, r.timeZone)}
        </p>
      </section>
      <SignLines
        lines={[
          { label: t('reports.signPrepared'), value: stamp.preparedBy },
          { label: t('reports.signReviewed') },
          { label: t('reports.signApproved') },
          { label: t('reports.signDate'), value: formatLocal(stamp.generatedAt, r.timeZone).slice(0, 10) },
        ]}
      />
    </div>,
    document.body,
  );
}
