import { Button, Dropdown, Select, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../shared/contract/reports';
import { addMonths } from '../../../shared/domain/time';

export interface ReportToolbarProps {
  year: number;
  month: number;
  years: number[];
  busy: boolean;
  namesInExports: boolean;
  onMonth(year: number, month: number): void;
  onExport(format: ExportFormat): void;
  /** 护送明细: one row per escort, for a chest-pain or stroke centre's data clerk. */
  onExportEscortList(format: ExportFormat): void;
  onPrint(): void;
}

/** Month picker (year + month, with previous / next) and the three export buttons. */
export function ReportToolbar({
  year,
  month,
  years,
  busy,
  namesInExports,
  onMonth,
  onExport,
  onExportEscortList,
  onPrint,
}: ReportToolbarProps) {
  const { t } = useTranslation();
  const go = (by: number) => {
    const to = addMonths(year, month, by);
    onMonth(to.year, to.month);
  };
  return (
    <div className="report-toolbar">
      <h2>{t('reports.title')}</h2>
      <Button aria-label={t('reports.previous')} onClick={() => go(-1)}>
        ‹
      </Button>
      <Select
        aria-label={t('reports.year')}
        value={year}
        style={{ width: 104 }}
        // A short list: every option is in the DOM (no virtual scrolling), so keyboard, screen
        // readers and tests reach each one whichever is selected.
        virtual={false}
        onChange={(y) => onMonth(y, month)}
        options={years.map((y) => ({ value: y, label: `${y}` }))}
      />
      <Select
        aria-label={t('reports.month')}
        value={month}
        style={{ width: 96 }}
        virtual={false}
        onChange={(m) => onMonth(year, m)}
        options={(t('reports.monthNames', { returnObjects: true }) as string[]).map((label, i) => ({
          value: i + 1,
          label,
        }))}
      />
      <Button aria-label={t('reports.next')} onClick={() => go(1)}>
        ›
      </Button>
      <Tooltip title={namesInExports ? undefined : t('reports.namesHidden')}>
        <Space className="report-exports">
          <Button disabled={busy} onClick={() => onExport('csv')}>
            {t('reports.exportCsv')}
          </Button>
          <Button disabled={busy} onClick={() => onExport('xlsx')}>
            {t('reports.exportExcel')}
          </Button>
          <Button type="primary" disabled={busy} onClick={onPrint}>
            {t('reports.exportPdf')}
          </Button>
          <Dropdown
            disabled={busy}
            trigger={['click']}
            menu={{
              items: [
                { key: 'csv', label: t('reports.escortListCsv') },
                { key: 'xlsx', label: t('reports.escortListExcel') },
              ],
              onClick: ({ key }) => onExportEscortList(key as ExportFormat),
            }}
          >
            <Button disabled={busy}>{t('reports.exportEscortList')} ▾</Button>
          </Dropdown>
        </Space>
      </Tooltip>
    </div>
  );
}
