import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ack } from '../../../shared/contract/result';

export interface PairCodeFormProps {
  /** Pairs the screen showing `code`; resolves to the paired screen's name or the core's refusal. */
  onPair(code: string, name: string | undefined): Promise<Ack<{ name: string }>>;
  /** Offer a name field (ER screens are named at pairing; kiosks are renamed in the list). */
  withName?: boolean;
}

/** The one-time code a screen shows, typed at the booth: a kiosk's or an ER screen's. */
export function PairCodeForm({ onPair, withName }: PairCodeFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string; name?: string }>();
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);

  const pair = async ({ code, name }: { code: string; name?: string }) => {
    setBusy(true);
    const r = await onPair(code.trim(), name?.trim() || undefined);
    setBusy(false);
    if (r.ok) {
      form.resetFields();
      setResult({ type: 'success', text: t('pair.paired', { name: r.value.name }) });
    } else setResult({ type: 'error', text: r.error.message });
  };

  return (
    <>
      <Form form={form} layout="inline" onFinish={pair} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item
          label={t('pair.code')}
          name="code"
          rules={[{ required: true, pattern: /^\s*[0-9]{6}\s*$/, message: '请输入 6 位数字' }]}
        >
          <Input size="large" inputMode="numeric" maxLength={6} autoFocus style={{ width: 160, letterSpacing: 4 }} />
        </Form.Item>
        {withName && (
          <Form.Item label={t('er.pairName')} name="name">
            <Input size="large" maxLength={32} placeholder={t('er.pairNamePlaceholder')} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" size="large" loading={busy}>
          {t('pair.submit')}
        </Button>
      </Form>
      {result && <Alert type={result.type} showIcon title={result.text} role="status" style={{ marginBottom: 16 }} />}
    </>
  );
}
