import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Officer } from '../../../shared/contract/auth';
import { roleAtLeast } from '../../../shared/domain/roles';
import { setLanguage } from '../common/i18n';
import { PairKioskDialog } from './PairKioskDialog';
import type { BoothPage } from './pages';

export interface BoothShellProps {
  officer: Officer;
  postName: string;
  connected: boolean;
  pages: BoothPage[];
  onLogout(): void;
}

export function BoothShell({ officer, postName, connected, pages, onLogout }: BoothShellProps) {
  const { t, i18n } = useTranslation();
  const visible = pages.filter((p) => roleAtLeast(officer.role, p.minRole));
  const [current, setCurrent] = useState(visible[0]?.key);
  const [pairing, setPairing] = useState(false);
  const Page = visible.find((p) => p.key === current)?.component;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="booth-header">
        <Typography.Text strong className="booth-title">
          {t('app.fullName')}
        </Typography.Text>
        <Typography.Text className="booth-post">{postName}</Typography.Text>
        <Menu
          mode="horizontal"
          theme="dark"
          selectedKeys={current ? [current] : []}
          onClick={(e) => setCurrent(e.key)}
          items={visible.map((p) => ({ key: p.key, label: t(p.label) }))}
          style={{ flex: 1, minWidth: 0, fontSize: 16 }}
        />
        <Space size="middle">
          {!connected && <Tag color="red">{t('app.disconnected')}</Tag>}
          <Button onClick={() => setPairing(true)}>{t('shell.pairKiosk')}</Button>
          <Typography.Text className="booth-user">
            {officer.name} · {officer.badge} · {t(`roles.${officer.role}`)}
          </Typography.Text>
          <Button type="text" className="booth-link" onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}>
            {t('shell.language')}
          </Button>
          <Button onClick={onLogout}>{t('shell.logout')}</Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="booth-content">{Page && <Page officer={officer} />}</Layout.Content>
      <PairKioskDialog open={pairing} onClose={() => setPairing(false)} />
    </Layout>
  );
}
