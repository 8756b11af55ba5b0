import { Alert, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Officer } from '../../../shared/contract/auth';
import { localParts } from '../../../shared/domain/time';
import { ExportProgress } from './ExportProgress';
import { reportSpecs } from './report-sections';
import { ReportPrint } from './ReportPrint';
import { ReportToolbar } from './ReportToolbar';
import { ReportView } from './ReportView';
import { useMonthReport, type MonthChoice } from './useMonthReport';
import { useReportExport } from './useReportExport';
import './reports.css';

/** 统计报表 (chief and admin): the container wiring the month picker, the report and the exports. */
export default function ReportsPage(_props: { officer: Officer }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [choice, setChoice] = useState<MonthChoice>();
  const { report, error, loading, setReport } = useMonthReport(choice);
  const exports = useReportExport(setReport);
  const specs = useMemo(() => (report ? reportSpecs(report, t, lang, true) : undefined), [report, t, lang]);

  if (!report || !specs)
    return error ? (
      <Alert type="error" showIcon title={error} />
    ) : (
      <Spin size="large" style={{ display: 'block', marginTop: 96 }} />
    );

  const { year, month } = report.month;
  // Years on the post's calendar, not the browser's: at 23:50 on 31 Dec in Shanghai a UTC browser is a year behind.
  const yearAt = (at: number) => localParts(at, report.timeZone).year;
  const first = report.sinceOpening.since === null ? year : yearAt(report.sinceOpening.since);
  const thisYear = yearAt(report.generatedAt);
  const years = Array.from(
    { length: Math.max(thisYear, year) - Math.min(first, year - 1) + 1 },
    (_, i) => Math.min(first, year - 1) + i,
  ).reverse();
  const pick = (y: number, m: number) => {
    exports.clearStamp();
    setChoice({ year: y, month: m });
  };

  return (
    <div data-testid="reports-page">
      <ReportToolbar
        year={year}
        month={month}
        years={years}
        busy={exports.stage !== undefined || loading}
        namesInExports={report.namesInExports}
        onMonth={pick}
        onExport={(format) => void exports.exportFile(year, month, format)}
        onExportEscortList={(format) => void exports.exportFile(year, month, format, 'escortList')}
        onPrint={() => void exports.exportPdf(year, month)}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {exports.notice && (
        <Alert
          type={exports.notice.type}
          showIcon
          closable
          title={exports.notice.text}
          role="status"
          style={{ marginBottom: 12 }}
        />
      )}
      <Spin spinning={loading}>
        <ReportView report={report} specs={specs} lang={lang} />
      </Spin>
      <ExportProgress stage={exports.stage} />
      {exports.stamp && <ReportPrint stamp={exports.stamp} lang={lang} onReady={exports.onPrintReady} />}
    </div>
  );
}
