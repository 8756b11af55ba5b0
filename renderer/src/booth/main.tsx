import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { initI18n } from '../common/i18n';
import { Connection } from '../net/connection';
import { ConnectionContext } from '../net/useConnection';
import { BoothApp } from './BoothApp';
import { boothAuth } from './session-token';
import { boothTheme } from './theme';
import './booth.css';

initI18n();
const connection = new Connection(boothAuth).connect();

function Root() {
  const { i18n } = useTranslation();
  return (
    // Buttons read exactly as written: no automatic space between two Chinese characters.
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
      theme={boothTheme}
    >
      <ConnectionContext.Provider value={connection}>
        <BoothApp />
      </ConnectionContext.Provider>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
