import { useEffect, useState } from 'react';
import { useConnection, useConnectionState } from '../../net/useConnection';

/** Ids of the paired kiosks connected right now, kept current by the core's `kiosk:status` pushes. */
export function useOnlineKiosks(): ReadonlySet<number> {
  const conn = useConnection();
  const { hello } = useConnectionState();
  const [online, setOnline] = useState<ReadonlySet<number>>(new Set());

  useEffect(() => {
    if (!hello) return;
    let live = true;
    const take = (kiosks: { id: number; online: boolean }[]) =>
      setOnline(new Set(kiosks.filter((k) => k.online).map((k) => k.id)));
    const off = conn.on('kiosk:status', take);
    void conn.send('kiosk:list', {}).then((r) => live && r.ok && take(r.value));
    return () => {
      live = false;
      off();
    };
  }, [conn, hello]);

  return online;
}
