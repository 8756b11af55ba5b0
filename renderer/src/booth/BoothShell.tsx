import { Alert, Button, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Officer } from '../../../shared/contract/auth';
import { roleAtLeast } from '../../../shared/domain/roles';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { LinkStatusTag } from '../city/LinkStatusTag';
import { ChangePinDialog } from './ChangePinDialog';
import { PairErDialog } from './PairErDialog';
import { PairKioskDialog } from './PairKioskDialog';
import type { BoothPage } from './pages';
import { useConnectionState } from '../net/useConnection';

export interface BoothShellProps {
  officer: Officer;
  postName: string;
  connected: boolean;
  pages: BoothPage[];
  onLogout(): void;
}

export function BoothShell({ officer, postName, connected, pages, onLogout }: BoothShellProps) {
  const { t } = useTranslation();
  const city = useConnectionState().hello?.city ?? false;
  const visible = pages.filter((p) => roleAtLeast(officer.role, p.minRole));
  const [current, setCurrent] = useState(visible[0]?.key);
  const [pairing, setPairing] = useState(false);
  const [pairingEr, setPairingEr] = useState(false);
  const [changingPin, setChangingPin] = useState(false);
  const [pinChanged, setPinChanged] = useState(false);
  // A role changed mid-session (管理 → 民警) may hide the open page: fall back to the first allowed one.
  const Page = (visible.find((p) => p.key === current) ?? visible[0])?.component;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="booth-header">
        {/* The booth's one h1, on every page; each page's own headings come below it. */}
        <h1 className="booth-title">{t('app.fullName')}</h1>
        <Typography.Text className="booth-post">{postName}</Typography.Text>
        <Menu
          mode="horizontal"
          theme="dark"
          selectedKeys={[visible.find((p) => p.key === current)?.key ?? visible[0]?.key ?? '']}
          onClick={(e) => setCurrent(e.key)}
          items={visible.filter((p) => p.place !== 'account').map((p) => ({ key: p.key, label: t(p.label) }))}
          style={{ flex: 1, minWidth: 0, fontSize: 16 }}
        />
        <Space size="middle">
          {!connected && <Tag color="red">{t('app.disconnected')}</Tag>}
          {!city && <LinkStatusTag />}
          {!city && <Button onClick={() => setPairing(true)}>{t('shell.pairKiosk')}</Button>}
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                ...visible.filter((p) => p.place === 'account').map((p) => ({ key: p.key, label: t(p.label) })),
                // Set up once per hospital screen: here rather than in a header that has no room at 1366 px.
                ...(city ? [] : [{ key: 'pairEr', label: t('er.pairButton') }]),
                { key: 'pin', label: t('admin.account.changePin') },
              ],
              onClick: (e) =>
                e.key === 'pin' ? setChangingPin(true) : e.key === 'pairEr' ? setPairingEr(true) : setCurrent(e.key),
            }}
          >
            <Button type="text" className="booth-link booth-user">
              {officer.name} · {officer.badge} · {t(`roles.${officer.role}`)}
            </Button>
          </Dropdown>
          <LanguageSwitch type="text" className="booth-link" />
          <Button onClick={onLogout}>{t('shell.logout')}</Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="booth-content">
        {pinChanged && (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('admin.account.changed')}
            closable={{ onClose: () => setPinChanged(false) }}
            style={{ marginBottom: 16 }}
          />
        )}
        {Page && <Page officer={officer} />}
      </Layout.Content>
      <PairKioskDialog open={pairing} onClose={() => setPairing(false)} />
      <PairErDialog open={pairingEr} onClose={() => setPairingEr(false)} />
      <ChangePinDialog open={changingPin} onClose={() => setChangingPin(false)} onChanged={() => setPinChanged(true)} />
    </Layout>
  );
}
