import { useEffect, useState } from 'react';
import type { PairingCode } from '../../../shared/contract/kiosk';
import { useConnection, useConnectionState } from '../net/useConnection';
import { RiderScreens } from './helmet/RiderScreens';
import { kioskToken } from './kiosk-token';
import { PairingScreen } from './PairingScreen';
import { StaffExit } from './StaffExit';

/** Container: unpaired → pairing code; paired → attract loop and the rider's session (helmet/RiderScreens). */
export function KioskApp() {
  const conn = useConnection();
  const { hello, connected } = useConnectionState();
  const [pairing, setPairing] = useState<PairingCode>();
  const [now, setNow] = useState(() => Date.now());
  const principal = hello?.principal;
  const unpaired = principal !== undefined && principal.kind !== 'kiosk';

  useEffect(() => {
    const offPaired = conn.on('kiosk:paired', ({ token }) => {
      kioskToken.set(token);
      setPairing(undefined);
      conn.reconnect();
    });
    const offUnpaired = conn.on('kiosk:unpaired', () => {
      kioskToken.clear();
      conn.reconnect();
    });
    return () => {
      offPaired();
      offUnpaired();
    };
  }, [conn]);

  // An unpaired screen (or one whose token was revoked) asks for a code, and a new one before it expires.
  useEffect(() => {
    if (!unpaired) return;
    if (kioskToken.get()) kioskToken.clear();
    let timer: ReturnType<typeof setTimeout>;
    const request = async () => {
      const r = await conn.send('kiosk:requestPairingCode', {});
      if (r.ok) {
        setPairing(r.value);
        timer = setTimeout(request, Math.max(5_000, r.value.expiresAt - Date.now() - 2_000));
      } else timer = setTimeout(request, 10_000);
    };
    void request();
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearTimeout(timer);
      clearInterval(tick);
    };
  }, [unpaired, conn]);

  if (!hello) return <main className="kiosk-screen" />;
  if (principal?.kind === 'kiosk')
    return (
      <>
        <RiderScreens kioskName={principal.kiosk.name} postName={hello.postName} connected={connected} />
        <StaffExit />
      </>
    );
  return (
    <PairingScreen
      code={pairing?.code}
      secondsLeft={pairing ? Math.max(0, Math.round((pairing.expiresAt - now) / 1000)) : 0}
    />
  );
}
