import type { TFunction } from 'i18next';
import type { ExportNotice } from './useReportExport';

/** What the screen says after printing `name`: saved (Electron), the browser's dialog, or cancelled. */
export const printNotice = (outcome: 'saved' | 'cancelled' | 'dialog', name: string, t: TFunction): ExportNotice =>
  outcome === 'saved'
    ? { type: 'success', text: t('reports.saved', { name }) }
    : { type: 'info', text: t(outcome === 'dialog' ? 'reports.printDialog' : 'reports.cancelled', { name }) };
