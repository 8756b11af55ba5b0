import { useConnection, useConnectionState } from '../net/useConnection';
import { useDevicePairing } from '../net/useDevicePairing';
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

  const pairing = useDevicePairing(conn, 'kiosk', kioskToken, unpaired);

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
