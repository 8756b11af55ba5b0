import { useCallback, useEffect, useState } from 'react';
import type { BackupOverview, CareProgress } from '../../../shared/contract/data-care';
import { useConnection, useConnectionState } from '../net/useConnection';

export type CareOutcome = { ok: true; text: string } | { ok: false; text: string };

/** The backup folder's state, live progress of any backup or restore, and the two actions. */
export function useBackup() {
  const conn = useConnection();
  const { hello } = useConnectionState();
  const [overview, setOverview] = useState<BackupOverview>();
  const [progress, setProgress] = useState<CareProgress>();

  const refresh = useCallback(() => void conn.send('backup:overview', {}).then((r) => r.ok && setOverview(r.value)), [conn]);

  useEffect(() => {
    if (!hello) return;
    refresh();
    return conn.on('care:progress', (p) => {
      setProgress(p);
      if (p.phase === 'done' || p.phase === 'failed') refresh();
    });
  }, [conn, hello, refresh]);

  return {
    overview,
    progress,
    backup: useCallback(async () => {
      const r = await conn.send('backup:run', {}, 10 * 60_000);
      refresh();
      return r;
    }, [conn, refresh]),
    restore: useCallback(async (path: string) => conn.send('backup:restore', { path }, 10 * 60_000), [conn]),
  };
}
