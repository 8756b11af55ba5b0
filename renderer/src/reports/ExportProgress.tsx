import { Modal, Progress } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type ExportStage = 'query' | 'save' | 'print';

const percent: Record<ExportStage, number> = { query: 40, print: 60, save: 85 };
const text = { query: 'reports.stageQuery', save: 'reports.stageSave', print: 'reports.stagePrint' } as const;

/** Shown only when an export is still running after 300 ms; a quick export never flashes a dialog. */
export function ExportProgress({ stage }: { stage: ExportStage | undefined }) {
  const { t } = useTranslation();
  const [late, setLate] = useState(false);
  const running = stage !== undefined;
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => setLate(true), 300);
    return () => {
      clearTimeout(timer);
      setLate(false);
    };
  }, [running]);
  return (
    <Modal
      open={!!stage && late}
      footer={null}
      closable={false}
      title={t('reports.exporting')}
      width={420}
      destroyOnHidden
    >
      <div role="progressbar" aria-label={t('reports.exporting')} data-testid="export-progress">
        <Progress percent={stage ? percent[stage] : 100} status="active" />
        <p>{stage ? t(text[stage]) : ''}</p>
      </div>
    </Modal>
  );
}
