import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ExportKind, MonthReport, PrintStamp } from '../../../shared/contract/reports';
import { useConnection } from '../net/useConnection';
import type { ExportStage } from './ExportProgress';
import { nativeApi, printReport, saveExport } from './native-bridge';
import { printNotice } from './print-notice';

export type ExportNotice = { type: 'success' | 'error' | 'info'; text: string };

const fileEvents = { month: 'reports:export', escortList: 'reports:exportEscortList' } as const;

/** 导出 CSV / Excel / PDF (or the 护送明细) for one month: asks the core (which audits), then saves or prints. */
export function useReportExport(onFresh: (report: MonthReport) => void) {
  const { t } = useTranslation();
  const conn = useConnection();
  const [stage, setStage] = useState<ExportStage>();
  const [stamp, setStamp] = useState<PrintStamp>();
  const [notice, setNotice] = useState<ExportNotice>();

  const exportFile = async (year: number, month: number, format: ExportFormat, kind: ExportKind = 'month') => {
    setNotice(undefined);
    setStage('query');
    const reply = await conn.send(fileEvents[kind], { year, month, format }, 120_000);
    if (!reply.ok) {
      setStage(undefined);
      setNotice({ type: 'error', text: reply.error.message });
      return;
    }
    onFresh(reply.value.report);
    setStage('save');
    try {
      const saved = await saveExport(reply.value);
      setNotice(
        saved
          ? { type: 'success', text: t('reports.saved', { name: reply.value.fileName }) }
          : { type: 'info', text: t('reports.cancelled') },
      );
    } catch (err) {
      setNotice({ type: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setStage(undefined);
    }
  };

  const exportPdf = async (year: number, month: number) => {
    setNotice(undefined);
    setStage('print');
    const reply = await conn.send('reports:printStamp', { year, month, via: nativeApi() ? 'app' : 'browser' });
    if (!reply.ok) {
      setStage(undefined);
      setNotice({ type: 'error', text: reply.error.message });
      return;
    }
    // The screen shows the very figures the PDF prints (and the audit entry records).
    onFresh(reply.value.report);
    setStamp(reply.value);
  };

  /** The print layout is drawn: print it. It stays mounted so the page can be printed again. */
  const onPrintReady = useCallback(() => {
    if (!stamp) return;
    const { year, month } = stamp.report.month;
    const name = `统计报表-${year}-${String(month).padStart(2, '0')}.pdf`;
    setStage('save');
    printReport(name)
      .then((outcome) => setNotice(printNotice(outcome, name, t)))
      .catch((err: unknown) => setNotice({ type: 'error', text: err instanceof Error ? err.message : String(err) }))
      .finally(() => setStage(undefined));
  }, [stamp, t]);

  const clearStamp = useCallback(() => setStamp(undefined), []);

  return { stage, stamp, notice, exportFile, exportPdf, onPrintReady, clearStamp };
}
