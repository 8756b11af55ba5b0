import { Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionGrant } from '../../../shared/contract/auth';
import type { Ack } from '../../../shared/contract/result';
import { useConnection, useConnectionState } from '../net/useConnection';
import { BoothShell } from './lazy-pages';
import { LoginScreen } from './LoginScreen';
import { pagesFor } from './pages';
import { SetupScreen } from './SetupScreen';
import { sessionToken } from './session-token';

/** Thin container: picks setup, login or the shell from the core's hello, and wires them to the socket. */
export function BoothApp() {
  const { t } = useTranslation();
  const conn = useConnection();
  const { connected, hello } = useConnectionState();

  useEffect(
    () =>
      conn.on('session:ended', () => {
        sessionToken.clear();
        conn.reconnect();
      }),
    [conn],
  );

  const signIn = (reply: Ack<SessionGrant>) => {
    if (!reply.ok) return reply.error.message;
    sessionToken.set(reply.value.token);
    conn.reconnect();
    return undefined;
  };

  if (!hello)
    return (
      <main className="center-screen">
        <Spin size="large" description={t('app.connecting')} />
      </main>
    );
  if (hello.needsSetup)
    return <SetupScreen onCreate={async (admin) => signIn(await conn.send('setup:createAdmin', admin))} />;
  if (hello.principal.kind !== 'officer') {
    return (
      <LoginScreen
        postName={hello.postName}
        demo={hello.demo}
        onLogin={async (badge, pin) => signIn(await conn.send('auth:login', { badge, pin }))}
      />
    );
  }
  return (
    <BoothShell
      officer={hello.principal.officer}
      postName={hello.postName}
      connected={connected}
      pages={pagesFor(hello.city)}
      onLogout={() => {
        void conn.send('auth:logout', {}).finally(() => {
          sessionToken.clear();
          conn.reconnect();
        });
      }}
    />
  );
}
