import { Button, List, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErScreenInfo } from '../../../shared/contract/er';
import { useConnection } from '../net/useConnection';
import { PairCodeForm } from './PairCodeForm';

/** Pairs the hospital ER's pre-alert screens (a browser at /er) and lists them, online or not. */
export function PairErDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const conn = useConnection();
  const [screens, setScreens] = useState<ErScreenInfo[]>([]);

  useEffect(() => {
    if (!open) return;
    void conn.send('er:list', {}).then((r) => r.ok && setScreens(r.value));
    return conn.on('er:status', setScreens);
  }, [open, conn]);

  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('er.pairTitle')} destroyOnHidden width={640}>
      <Typography.Paragraph type="secondary">{t('er.pairHint')}</Typography.Paragraph>
      <PairCodeForm withName onPair={(code, name) => conn.send('er:pair', name ? { code, name } : { code })} />
      <Typography.Title level={5}>{t('er.screens')}</Typography.Title>
      <List
        dataSource={screens}
        locale={{ emptyText: t('er.noScreens') }}
        renderItem={(s) => (
          <List.Item
            actions={[
              <Button key="unpair" danger size="small" onClick={() => void conn.send('er:unpair', { screenId: s.id })}>
                {t('pair.unpair')}
              </Button>,
            ]}
          >
            <Space>
              <Typography.Text>{s.name}</Typography.Text>
              <Tag color={s.online ? 'green' : 'default'}>{s.online ? t('pair.online') : t('pair.offline')}</Tag>
            </Space>
          </List.Item>
        )}
      />
    </Modal>
  );
}
