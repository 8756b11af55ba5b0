import { QRCode, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnection } from '../net/useConnection';

/**
 * With the core bound to a LAN address, a tablet opens the kiosk page by scanning this code (drawn on a
 * canvas here, nothing fetched). On loopback there is nothing a tablet could reach, so nothing is shown.
 */
export function KioskLanQr({ open }: { open: boolean }) {
  const { t } = useTranslation();
  const conn = useConnection();
  const [urls, setUrls] = useState<string[]>([]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void conn.send('kiosk:links', {}).then((r) => live && r.ok && setUrls(r.value.urls));
    return () => {
      live = false;
    };
  }, [open, conn]);

  if (urls.length === 0) return null;
  return (
    <div data-testid="kiosk-lan-qr" style={{ marginBottom: 16 }}>
      <Typography.Title level={5}>{t('helmet.lan.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('helmet.lan.hint')}</Typography.Paragraph>
      <Space wrap size="large">
        {urls.map((url) => (
          <Space key={url} direction="vertical" align="center">
            <QRCode value={url} type="canvas" size={160} bordered={false} />
            <Typography.Text copyable>{url}</Typography.Text>
          </Space>
        ))}
      </Space>
    </div>
  );
}
