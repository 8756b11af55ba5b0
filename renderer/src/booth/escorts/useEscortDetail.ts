import { useCallback, useEffect, useState } from 'react';
import type { EditEscortInput, EscortDetail } from '../../../../shared/contract/escorts';
import { useConnection, useConnectionState } from '../../net/useConnection';

/** One escort's detail, refetched whenever that escort changes anywhere (or the socket reconnects). */
export function useEscortDetail(id: number | undefined) {
  const conn = useConnection();
  const { hello } = useConnectionState();
  const [answer, setAnswer] = useState<{ id: number; detail?: EscortDetail; error?: string }>();
  const [changes, setChanges] = useState(0);

  useEffect(() => conn.on('escort:changed', (e) => e.id === id && setChanges((n) => n + 1)), [conn, id]);

  useEffect(() => {
    if (id === undefined || hello?.principal.kind !== 'officer') return;
    let live = true;
    void conn.send('escort:detail', { id }).then((ack) => {
      if (live) setAnswer(ack.ok ? { id, detail: ack.value } : { id, error: ack.error.message });
    });
    return () => {
      live = false;
    };
  }, [conn, hello, id, changes]);

  const edit = useCallback((input: EditEscortInput) => conn.send('escort:edit', input), [conn]);
  // An answer about another escort (the drawer moved on) is not shown.
  const current = answer?.id === id ? answer : undefined;
  return { detail: current?.detail, error: current?.error, edit };
}
