import { useCallback, useEffect, useState } from 'react';
import type { LinkState } from '../../../shared/contract/city';
import { useConnection, useConnectionState } from '../net/useConnection';

/** How far this post's records have got to the city: asked once, then kept by the core's pushes. */
export function useLinkState() {
  const conn = useConnection();
  const { hello } = useConnectionState();
  const [state, setState] = useState<LinkState>();

  useEffect(() => {
    if (!hello || hello.city || hello.principal.kind !== 'officer') return;
    const off = conn.on('link:state', setState);
    void conn.send('link:state', {}).then((r) => r.ok && setState(r.value));
    return off;
  }, [conn, hello]);

  const enrol = useCallback(
    async (cityUrl: string, code: string) => {
      const r = await conn.send('link:enrol', { cityUrl, code }, 30_000);
      if (r.ok) setState(r.value);
      return r;
    },
    [conn],
  );
  return { state, enrol };
}
