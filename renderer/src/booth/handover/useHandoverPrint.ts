import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverPrintStamp } from '../../../../shared/contract/handover';
import { localDateKey } from '../../../../shared/domain/time';
import { useConnection } from '../../net/useConnection';
import { nativeApi, printReport } from '../../reports/native-bridge';
import { printNotice } from '../../reports/print-notice';
import type { ExportNotice } from '../../reports/useReportExport';

/**
 * 打印 a handover the way the monthly report prints: the core audits the print and stamps it, the
 * print layout mounts, then Electron writes a PDF file or a browser opens its print dialog.
 */
export function useHandoverPrint() {
  const { t } = useTranslation();
  const conn = useConnection();
  const [stamp, setStamp] = useState<HandoverPrintStamp>();
  const [notice, setNotice] = useState<ExportNotice>();
  const [busy, setBusy] = useState(false);

  const print = async (id: number) => {
    setNotice(undefined);
    setBusy(true);
    const reply = await conn.send('handover:printStamp', { id, via: nativeApi() ? 'app' : 'browser' });
    if (!reply.ok) {
      setBusy(false);
      setNotice({ type: 'error', text: reply.error.message });
      return;
    }
    setStamp(reply.value);
  };

  /** The print layout is drawn: print it. It stays mounted so the page can be printed again. */
  const onPrintReady = useCallback(() => {
    if (!stamp) return;
    const h = stamp.handover;
    const name = t('handover.fileName', { date: localDateKey(h.signedAt, h.contents.timeZone), id: h.id });
    printReport(name)
      .then((outcome) => setNotice(printNotice(outcome, name, t)))
      .catch((err: unknown) => setNotice({ type: 'error', text: err instanceof Error ? err.message : String(err) }))
      .finally(() => setBusy(false));
  }, [stamp, t]);

  const clear = useCallback(() => {
    setStamp(undefined);
    setNotice(undefined);
  }, []);

  return { stamp, notice, busy, print, onPrintReady, clear };
}
