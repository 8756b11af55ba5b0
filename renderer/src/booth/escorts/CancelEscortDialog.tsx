import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscortView } from '../../../../shared/contract/escorts';

export interface CancelEscortDialogProps {
  escort: EscortView | undefined;
  /** Resolves to an error message, or undefined once cancelled. */
  onConfirm(escort: EscortView, reason: string): Promise<string | undefined>;
  onClose(): void;
}

/** 取消 needs a reason; the escort leaves the board and the totals. */
export function CancelEscortDialog({ escort, onConfirm, onClose }: CancelEscortDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const finish = async ({ reason }: { reason: string }) => {
    if (!escort) return;
    setBusy(true);
    const failure = await onConfirm(escort, reason.trim());
    setBusy(false);
    setError(failure);
    if (!failure) onClose();
  };

  return (
    <Modal
      open={escort !== undefined}
      title={escort ? t('escorts.cancelTitle', { plate: escort.plate }) : ''}
      destroyOnHidden
      okText={t('escorts.confirmCancel')}
      cancelText={t('escorts.back')}
      okButtonProps={{ danger: true, loading: busy }}
      onOk={() => form.submit()}
      onCancel={() => {
        setError(undefined);
        onClose();
      }}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
        <Form.Item
          label={t('escorts.cancelReason')}
          name="reason"
          rules={[{ required: true, whitespace: true, min: 2, message: t('escorts.cancelReasonNeeded') }]}
        >
          <Input autoFocus maxLength={200} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
