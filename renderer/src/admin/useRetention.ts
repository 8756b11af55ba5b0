import { useCallback, useEffect, useState } from 'react';
import type { RetentionStatus } from '../../../shared/contract/data-care';
import { useConnection, useConnectionState } from '../net/useConnection';

/** The retention period, what is waiting to be wiped, the last run, and the on-demand wipe. */
export function useRetention() {
  const conn = useConnection();
  const { hello } = useConnectionState();
  const [status, setStatus] = useState<RetentionStatus>();
  const refresh = useCallback(
    () => void conn.send('retention:status', {}).then((r) => r.ok && setStatus(r.value)),
    [conn],
  );

  useEffect(() => {
    if (!hello) return;
    refresh();
    return conn.on('settings:changed', refresh);
  }, [conn, hello, refresh]);

  const run = useCallback(async () => {
    const r = await conn.send('retention:run', {}, 120_000);
    refresh();
    return r;
  }, [conn, refresh]);
  return { status, run };
}
