import { Alert, Button, Form, Modal, Space } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface FormDialogProps<V> {
  open: boolean;
  title: ReactNode;
  /** Resolves to an error message to show, or undefined to close. */
  onSubmit(values: V): Promise<string | undefined>;
  onClose(): void;
  children: ReactNode;
  intro?: ReactNode;
  initialValues?: Partial<V>;
  /** The submit button's words; 保存 by default. */
  submitText?: ReactNode;
}

/**
 * A modal form whose submit button reads 保存: validation runs in the fields (same schemas as the
 * core), the core's refusal shows inside the dialog, and success closes it.
 */
export function FormDialog<V extends object>({
  open,
  title,
  onSubmit,
  onClose,
  children,
  intro,
  initialValues,
  submitText,
}: FormDialogProps<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: V) => {
    setBusy(true);
    const problem = await onSubmit(values);
    setBusy(false);
    setError(problem);
    if (!problem) onClose();
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => !visible && setError(undefined)}
      footer={null}
    >
      {intro}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        disabled={busy}
        initialValues={initialValues}
        preserve={false}
      >
        {children}
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {submitText ?? t('common.save')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
