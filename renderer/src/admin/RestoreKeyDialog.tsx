import { Alert, Button, Form, Input, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keyPassphrase } from '../../../shared/contract/data-care';
import type { RestoreKey } from './useBackup';
import { zodRule } from './zod-rule';

export interface RestoreKeyDialogProps {
  /** The backup waiting for its key; undefined: closed. */
  backupName: string | undefined;
  /** Resolves to the core's refusal, or undefined when the restore went through. */
  onRestore(key: RestoreKey): Promise<string | undefined>;
  onClose(): void;
}

/**
 * Asked when a backup was keyed with another rider key: its key export and passphrase, or the
 * explicit choice to restore without it (earlier riders then no longer match as repeat offenders).
 */
export function RestoreKeyDialog({ backupName, onRestore, onClose }: RestoreKeyDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ passphrase: string }>();
  const [file, setFile] = useState<{ name: string; content: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const run = async (key: RestoreKey) => {
    setBusy(true);
    const problem = await onRestore(key);
    setBusy(false);
    setError(problem);
    if (!problem) onClose();
  };
  const withKey = ({ passphrase }: { passphrase: string }) =>
    file ? run({ riderKey: { content: file.content, passphrase } }) : setError(t('admin.backup.riderKey.chooseFile'));

  return (
    <Modal
      open={backupName !== undefined}
      title={t('admin.backup.riderKey.neededTitle')}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => !visible && (setError(undefined), setFile(undefined))}
      footer={null}
    >
      <Typography.Paragraph>
        <span className="admin-mono">{backupName}</span>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('admin.backup.riderKey.neededHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={withKey} disabled={busy} preserve={false}>
        <Form.Item label={t('admin.backup.riderKey.file')}>
          <Upload
            accept=".json,application/json"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              void f.text().then((content) => setFile({ name: f.name, content }));
              return false;
            }}
          >
            <Button>{file ? file.name : t('admin.backup.riderKey.chooseFile')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="passphrase" label={t('admin.backup.riderKey.passphrase')} rules={[zodRule(keyPassphrase)]}>
          <Input.Password autoComplete="off" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Button danger onClick={() => void run({ withoutRiderKey: true })} loading={busy}>
            {t('admin.backup.riderKey.restoreWithout')}
          </Button>
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('admin.backup.riderKey.restoreWithKey')}
            </Button>
          </Space>
        </Space>
      </Form>
    </Modal>
  );
}
