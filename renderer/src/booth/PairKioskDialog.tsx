import { Alert, Button, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskInfo } from '../../../shared/contract/kiosk';
import { useConnection } from '../net/useConnection';
import { KioskLanQr } from './KioskLanQr';

export function PairKioskDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const conn = useConnection();
  const [form] = Form.useForm<{ code: string }>();
  const [kiosks, setKiosks] = useState<KioskInfo[]>([]);
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    void conn.send('kiosk:list', {}).then((r) => r.ok && setKiosks(r.value));
    return conn.on('kiosk:status', setKiosks);
  }, [open, conn]);

  const rename = async (k: KioskInfo, name: string) => {
    if (name.trim() === k.name) return;
    const r = await conn.send('kiosk:rename', { kioskId: k.id, name });
    setResult(r.ok ? { type: 'success', text: t('pair.renamed', { name: r.value.name }) } : { type: 'error', text: r.error.message });
  };

  const pair = async ({ code }: { code: string }) => {
    setBusy(true);
    const r = await conn.send('kiosk:pair', { code: code.trim() });
    setBusy(false);
    if (r.ok) {
      form.resetFields();
      setResult({ type: 'success', text: t('pair.paired', { name: r.value.name }) });
    } else setResult({ type: 'error', text: r.error.message });
  };

  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('pair.title')} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('pair.hint')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={pair} style={{ marginBottom: 16 }}>
        <Form.Item
          label={t('pair.code')}
          name="code"
          rules={[{ required: true, pattern: /^\s*[0-9]{6}\s*$/, message: '请输入 6 位数字' }]}
        >
          <Input size="large" inputMode="numeric" maxLength={6} autoFocus style={{ width: 160, letterSpacing: 4 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" loading={busy}>
          {t('pair.submit')}
        </Button>
      </Form>
      {result && <Alert type={result.type} showIcon title={result.text} role="status" style={{ marginBottom: 16 }} />}
      <KioskLanQr open={open} />
      <Typography.Title level={5}>{t('pair.kiosks')}</Typography.Title>
      <List
        dataSource={kiosks}
        locale={{ emptyText: t('pair.none') }}
        renderItem={(k) => (
          <List.Item
            actions={[
              <Button key="unpair" danger size="small" onClick={() => void conn.send('kiosk:unpair', { kioskId: k.id })}>
                {t('pair.unpair')}
              </Button>,
            ]}
          >
            <Space>
              <Typography.Text
                editable={{
                  tooltip: t('pair.rename'),
                  text: k.name,
                  maxLength: 32,
                  onChange: (name) => void rename(k, name),
                }}
              >
                {k.name}
              </Typography.Text>
              <Tag color={k.online ? 'green' : 'default'}>{k.online ? t('pair.online') : t('pair.offline')}</Tag>
            </Space>
          </List.Item>
        )}
      />
    </Modal>
  );
}
