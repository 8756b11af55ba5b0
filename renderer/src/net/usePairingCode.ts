import { useEffect, useState } from 'react';
import type { PairingCode } from '../../../shared/contract/kiosk';
import type { Connection } from './connection';

/**
 * While a screen is unpaired: asks the core for a one-time code, and for a new one before it
 * expires; counts down the seconds left. `request` is the screen kind's own pairing-code event.
 */
export function usePairingCode(
  conn: Connection,
  unpaired: boolean,
  request: 'kiosk:requestPairingCode' | 'er:requestPairingCode',
) {
  const [pairing, setPairing] = useState<PairingCode>();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!unpaired) return;
    let timer: ReturnType<typeof setTimeout>;
    const ask = async () => {
      const r = await conn.send(request, {});
      if (r.ok) {
        setPairing(r.value);
        timer = setTimeout(ask, Math.max(5_000, r.value.expiresAt - Date.now() - 2_000));
      } else timer = setTimeout(ask, 10_000);
    };
    void ask();
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearTimeout(timer);
      clearInterval(tick);
    };
  }, [unpaired, conn, request]);
  // A code from before the screen was paired is not shown again after it is unpaired.
  const live = unpaired ? pairing : undefined;
  return { code: live?.code, secondsLeft: live ? Math.max(0, Math.round((live.expiresAt - now) / 1000)) : 0 };
}
