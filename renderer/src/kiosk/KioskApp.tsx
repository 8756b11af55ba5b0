import { useEffect } from 'react';
import { useConnection, useConnectionState } from '../net/useConnection';
import { usePairingCode } from '../net/usePairingCode';
import { RiderScreens } from './helmet/RiderScreens';
import { kioskToken } from './kiosk-token';
import { PairingScreen } from './PairingScreen';
import { StaffExit } from './StaffExit';

/** Container: unpaired → pairing code; paired → attract loop and the rider's session (helmet/RiderScreens). */
export function KioskApp() {
  const conn = useConnection();
  const { hello, connected } = useConnectionState();
  const principal = hello?.principal;
  const unpaired = principal !== undefined && principal.kind !== 'kiosk';

  useEffect(() => {
    const offPaired = conn.on('kiosk:paired', ({ token }) => {
      kioskToken.set(token);
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
    if (unpaired && kioskToken.get()) kioskToken.clear();
  }, [unpaired]);
  const pairing = usePairingCode(conn, unpaired, 'kiosk:requestPairingCode');

  if (!hello) return <main className="kiosk-screen" />;
  if (principal?.kind === 'kiosk')
    return (
      <>
        <RiderScreens kioskName={principal.kiosk.name} postName={hello.postName} connected={connected} />
        <StaffExit />
      </>
    );
  return <PairingScreen {...pairing} />;
}
