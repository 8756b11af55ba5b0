import { Form, Input, Modal, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { SaveFooter } from './form-parts';

export interface TextEntryDialogProps {
  open: boolean;
  title: string;
  hint: string;
  label: string;
  rules: Rule[];
  maxLength: number;
  multiline?: boolean;
  /** Resolves to an error message, or undefined when done. */
  onSubmit(value: string): Promise<string | undefined>;
  onClose(): void;
}

/** One field, one reason: the override reason, the cancel reason, the ticket number. */
export function TextEntryDialog({
  open,
  title,
  hint,
  label,
  rules,
  maxLength,
  multiline,
  onSubmit,
  onClose,
}: TextEntryDialogProps) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ value }: { value: string }) => {
    setBusy(true);
    const problem = await onSubmit(value.trim());
    setBusy(false);
    setError(problem);
    if (!problem) onClose();
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      afterClose={() => setError(undefined)}
    >
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <Form
        name="stop-entry"
        layout="vertical"
        onFinish={submit}
        disabled={busy}
        requiredMark={false}
        autoComplete="off"
      >
        <Form.Item label={label} name="value" rules={rules}>
          {multiline ? (
            <Input.TextArea rows={3} maxLength={maxLength} showCount autoFocus />
          ) : (
            <Input size="large" maxLength={maxLength} autoFocus />
          )}
        </Form.Item>
        <SaveFooter error={error} busy={busy} />
      </Form>
    </Modal>
  );
}
