import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdvisoryTally } from '../../../../shared/contract/advisories';
import { advisoryKinds, type AdvisoryKind } from '../../../../shared/domain/escort-kinds';
import { shiftLabels } from '../../../../shared/domain/shift';
import { useLabels } from './labels';

export interface AdvisoryPanelProps {
  tally: AdvisoryTally | undefined;
  error?: string;
  onTap(kind: AdvisoryKind): void;
  onUndo(kind: AdvisoryKind): void;
}

/** One-tap 劝导 counters: tap to count, 撤销 to take back a mis-tap. */
export function AdvisoryPanel({ tally, error, onTap, onUndo }: AdvisoryPanelProps) {
  const { t } = useTranslation();
  const { label } = useLabels();
  return (
    <div className="advisory-panel">
      <Typography.Text type="secondary">
        {t('escorts.advisories', { shift: tally ? `${tally.shiftDate} ${label(shiftLabels, tally.shift)}` : '' })}
      </Typography.Text>
      {(Object.keys(advisoryKinds) as AdvisoryKind[]).map((kind) => (
        <div key={kind} className="advisory-row">
          <Button
            size="large"
            className="advisory-tap"
            onClick={() => onTap(kind)}
            aria-label={label(advisoryKinds, kind)}
          >
            <span>{label(advisoryKinds, kind)}</span>
            <strong data-testid={`advisory-${kind}`}>{tally?.counts[kind] ?? 0}</strong>
          </Button>
          <Button
            size="large"
            onClick={() => onUndo(kind)}
            disabled={!tally?.counts[kind]}
            aria-label={`${t('escorts.undo')} ${label(advisoryKinds, kind)}`}
          >
            {t('escorts.undo')}
          </Button>
        </div>
      ))}
      {error && <Alert type="warning" showIcon title={error} />}
    </div>
  );
}
