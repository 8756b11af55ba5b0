import { Alert, Button, List, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskInfo } from '../../../shared/contract/kiosk';
import { useConnection } from '../net/useConnection';
import { KioskLanQr } from './KioskLanQr';
import { PairCodeForm } from './PairCodeForm';

export function PairKioskDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const conn = useConnection();
  const [kiosks, setKiosks] = useState<KioskInfo[]>([]);
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string }>();

  useEffect(() => {
    if (!open) return;
    void conn.send('kiosk:list', {}).then((r) => r.ok && setKiosks(r.value));
    return conn.on('kiosk:status', setKiosks);
  }, [open, conn]);

  const rename = async (k: KioskInfo, name: string) => {
    if (name.trim() === k.name) return;
    const r = await conn.send('kiosk:rename', { kioskId: k.id, name });
    setResult(
      r.ok
        ? { type: 'success', text: t('pair.renamed', { name: r.value.name }) }
        : { type: 'error', text: r.error.message },
    );
  };

  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('pair.title')} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('pair.hint')}</Typography.Paragraph>
      <PairCodeForm onPair={(code) => conn.send('kiosk:pair', { code })} />
      {result && <Alert type={result.type} showIcon title={result.text} role="status" style={{ marginBottom: 16 }} />}
      <KioskLanQr open={open} />
      <Typography.Title level={5}>{t('pair.kiosks')}</Typography.Title>
      <List
        dataSource={kiosks}
        locale={{ emptyText: t('pair.none') }}
        renderItem={(k) => (
          <List.Item
            actions={[
              <Button
                key="unpair"
                danger
                size="small"
                onClick={() => void conn.send('kiosk:unpair', { kioskId: k.id })}
              >
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
