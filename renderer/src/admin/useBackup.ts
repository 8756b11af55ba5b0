import { useCallback, useEffect, useState } from 'react';
import type { BackupOverview, CareProgress } from '../../../shared/contract/data-care';
import { useConnection, useConnectionState } from '../net/useConnection';

/** What a restore of a backup keyed with another rider key needs: its key export, or the choice to go without. */
export type RestoreKey = { riderKey: { content: string; passphrase: string } } | { withoutRiderKey: true };

export type CareOutcome = { ok: true; text: string } | { ok: false; text: string };

/** The backup folder's state, live progress of any backup or restore, and the two actions. */
export function useBackup() {
  const conn = useConnection();
  const { hello } = useConnectionState();
  const [overview, setOverview] = useState<BackupOverview>();
  const [progress, setProgress] = useState<CareProgress>();

  const refresh = useCallback(
    () => void conn.send('backup:overview', {}).then((r) => r.ok && setOverview(r.value)),
    [conn],
  );

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
    restore: useCallback(
      async (path: string, key?: RestoreKey) => {
        const r = await conn.send('backup:restore', { path, ...key }, 10 * 60_000);
        refresh();
        return r;
      },
      [conn, refresh],
    ),
    exportKey: useCallback(async (passphrase: string) => conn.send('riderKey:export', { passphrase }), [conn]),
  };
}
