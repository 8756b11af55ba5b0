import { useEffect, useState } from 'react';
import type { PairingCode } from '../../../shared/contract/kiosk';
import type { Connection } from './connection';
import type { storedToken } from './device-token';

const events = {
  kiosk: { request: 'kiosk:requestPairingCode', paired: 'kiosk:paired', unpaired: 'kiosk:unpaired' },
  er: { request: 'er:requestPairingCode', paired: 'er:paired', unpaired: 'er:unpaired' },
} as const;

/**
 * A paired screen's life with its device token (a kiosk's or an ER screen's): while unpaired it asks
 * the core for a one-time code, and for a new one before it expires, and counts down the seconds
 * left; once an officer enters the code it keeps the token it is sent and reconnects with it; when
 * the booth unpairs it (or its token is refused), it forgets the token and asks again.
 */
export function useDevicePairing(
  conn: Connection,
  kind: keyof typeof events,
  token: ReturnType<typeof storedToken>,
  unpaired: boolean,
) {
  const names = events[kind];
  const [pairing, setPairing] = useState<PairingCode>();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const offPaired = conn.on(names.paired, ({ token: granted }: { token: string }) => {
      token.set(granted);
      conn.reconnect();
    });
    const offUnpaired = conn.on(names.unpaired, () => {
      token.clear();
      conn.reconnect();
    });
    return () => {
      offPaired();
      offUnpaired();
    };
  }, [conn, names, token]);

  useEffect(() => {
    if (!unpaired) return;
    if (token.get()) token.clear();
    let timer: ReturnType<typeof setTimeout>;
    const ask = async () => {
      const r = await conn.send(names.request, {});
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
  }, [unpaired, conn, names, token]);
  // A code from before the screen was paired is not shown again after it is unpaired.
  const live = unpaired ? pairing : undefined;
  return { code: live?.code, secondsLeft: live ? Math.max(0, Math.round((live.expiresAt - now) / 1000)) : 0 };
}
