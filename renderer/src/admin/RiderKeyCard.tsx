import { Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keyPassphrase, type BackupOverview, type RiderKeyExport } from '../../../shared/contract/data-care';
import type { Ack } from '../../../shared/contract/result';
import { saveExport } from '../reports/native-bridge';
import { FormDialog } from './FormDialog';
import { zodRule } from './zod-rule';

export interface RiderKeyCardProps {
  riderKey: BackupOverview['riderKey'] | undefined;
  onExport(passphrase: string): Promise<Ack<RiderKeyExport>>;
  /** Said under the card after a download. */
  onExported(fileName: string): void;
}

interface PassphraseForm {
  passphrase: string;
  again: string;
}

/** 备份 → 骑手密钥: where the key is kept (never in a backup) and its export under a passphrase. */
export function RiderKeyCard({ riderKey, onExport, onExported }: RiderKeyCardProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);

  const submit = async ({ passphrase }: PassphraseForm) => {
    const r = await onExport(passphrase);
    if (!r.ok) return r.error.message;
    const bytes = new TextEncoder().encode(r.value.content);
    if (await saveExport({ fileName: r.value.fileName, mime: 'application/json', bytes })) onExported(r.value.fileName);
    return undefined;
  };

  return (
    <Card size="small" title={t('admin.backup.riderKey.title')} data-testid="rider-key">
      <Typography.Paragraph type="secondary">{t('admin.backup.riderKey.hint')}</Typography.Paragraph>
      <Descriptions column={1} size="small" styles={{ label: { width: 160 } }}>
        <Descriptions.Item label={t('admin.backup.riderKey.where')}>
          <span className="admin-mono">{riderKey?.where ?? '…'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.backup.riderKey.id')}>
          {riderKey?.keyId ? <span className="admin-mono">{riderKey.keyId}</span> : t('admin.backup.riderKey.none')}
        </Descriptions.Item>
      </Descriptions>
      <Button style={{ marginTop: 12 }} onClick={() => setOpen(true)} disabled={!riderKey?.keyId}>
        {t('admin.backup.riderKey.export')}
      </Button>
      <FormDialog<PassphraseForm>
        open={open}
        title={t('admin.backup.riderKey.exportTitle')}
        intro={
          <Typography.Paragraph type="secondary">{t('admin.backup.riderKey.passphraseHint')}</Typography.Paragraph>
        }
        submitText={t('admin.backup.riderKey.export')}
        onSubmit={submit}
        onClose={() => setOpen(false)}
      >
        <Form.Item name="passphrase" label={t('admin.backup.riderKey.passphrase')} rules={[zodRule(keyPassphrase)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="again"
          label={t('admin.backup.riderKey.passphraseAgain')}
          dependencies={['passphrase']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_r, value: unknown) =>
                value === getFieldValue('passphrase')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('admin.backup.riderKey.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </FormDialog>
    </Card>
  );
}
