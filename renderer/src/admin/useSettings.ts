import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../../shared/domain/settings';
import { useConnection, useConnectionState } from '../net/useConnection';
import { problemOf } from './zod-rule';

/** The post's settings, kept current by `settings:changed`, and the admin's save. */
export function useSettings() {
  const conn = useConnection();
  const { hello } = useConnectionState();
  const [settings, setSettings] = useState<Settings>();

  useEffect(() => {
    if (!hello) return;
    void conn.send('settings:get', {}).then((r) => r.ok && setSettings(r.value));
    return conn.on('settings:changed', setSettings);
  }, [conn, hello]);

  const save = useCallback(
    async (patch: Partial<Settings>) => problemOf(await conn.send('settings:update', patch)),
    [conn],
  );
  return { settings, save };
}
