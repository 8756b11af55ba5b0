import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../common/i18n';
import { Connection } from '../net/connection';
import { ConnectionContext } from '../net/useConnection';
import '../kiosk/kiosk.css';
import { erAuth } from './er-token';
import { ErApp } from './ErApp';
import './er.css';

initI18n();
const connection = new Connection(erAuth).connect();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConnectionContext.Provider value={connection}>
      <ErApp />
    </ConnectionContext.Provider>
  </StrictMode>,
);
