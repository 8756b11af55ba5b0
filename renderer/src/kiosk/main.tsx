import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../common/i18n';
import { Connection } from '../net/connection';
import { ConnectionContext } from '../net/useConnection';
import { KioskApp } from './KioskApp';
import { adoptTokenFromFragment, kioskAuth } from './kiosk-token';
import './kiosk.css';

// The kiosk speaks to riders in Chinese first, whatever the booth's language.
initI18n('zh-CN');
adoptTokenFromFragment();
const connection = new Connection(kioskAuth).connect();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConnectionContext.Provider value={connection}>
      <KioskApp />
    </ConnectionContext.Provider>
  </StrictMode>,
);
