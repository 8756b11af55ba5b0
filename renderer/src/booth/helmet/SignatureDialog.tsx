import { Descriptions, Modal, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HelmetStop } from '../../../../shared/contract/helmet';
import { PLEDGE_TEXT } from '../../../../shared/domain/helmet';
import { formatLocal } from '../../../../shared/domain/time';

export interface SignatureDialogProps {
  /** The stop whose pledge is shown; undefined: closed. */
  stop: HelmetStop | undefined;
  /** The signature image: undefined while it loads, null if there is none. */
  png: string | null | undefined;
  timeZone: string;
  onClose(): void;
}

/** The rider's signed pledge, as stored with the stop, with whose it is and when it was signed. */
export function SignatureDialog({ stop, png, timeZone, onClose }: SignatureDialogProps) {
  const { t } = useTranslation();
  const at = (ms: number | null | undefined) => (ms == null ? '—' : formatLocal(ms, timeZone, true));
  return (
    <Modal
      open={stop !== undefined}
      title={t('helmet.dialogs.signatureTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      {stop && (
        <Descriptions column={1} size="small" data-testid="signature-facts" style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('helmet.columns.rider')}>{stop.riderName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('helmet.dialogs.plate')}>{stop.plate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('helmet.dialogs.stoppedAt')}>{at(stop.stoppedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('helmet.dialogs.signedAt')}>{at(stop.closedAt)}</Descriptions.Item>
        </Descriptions>
      )}
      <Typography.Paragraph strong>{PLEDGE_TEXT}</Typography.Paragraph>
      {png === undefined ? (
        <Spin />
      ) : png ? (
        <img
          src={png}
          alt={t('helmet.dialogs.signatureTitle')}
          style={{ width: '100%', border: '1px solid #ddd', background: '#fff' }}
        />
      ) : (
        '—'
      )}
    </Modal>
  );
}
