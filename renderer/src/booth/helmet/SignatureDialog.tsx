import { Modal, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLEDGE_TEXT } from '../../../../shared/domain/helmet';

/** The rider's signed pledge, as stored with the stop. `png` undefined while it loads, null if none. */
export function SignatureDialog({ open, png, onClose }: { open: boolean; png: string | null | undefined; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('helmet.dialogs.signatureTitle')} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph strong>{PLEDGE_TEXT}</Typography.Paragraph>
      {png === undefined ? <Spin /> : png ? <img src={png} alt={t('helmet.dialogs.signatureTitle')} style={{ width: '100%', border: '1px solid #ddd', background: '#fff' }} /> : '—'}
    </Modal>
  );
}
