import { useCallback, useEffect, useState } from 'react';
import type { EditEscortInput, EscortDetail } from '../../../../shared/contract/escorts';
import { useConnection } from '../../net/useConnection';
import { useOfficerRequest } from './useOfficerRequest';

/** One escort's detail, refetched whenever that escort changes anywhere (or the socket reconnects). */
export function useEscortDetail(id: number | undefined) {
  const conn = useConnection();
  const [answer, setAnswer] = useState<{ id: number; detail?: EscortDetail; error?: string }>();
  const [changes, setChanges] = useState(0);

  useEffect(() => conn.on('escort:changed', (e) => e.id === id && setChanges((n) => n + 1)), [conn, id]);

  useOfficerRequest(
    'escort:detail',
    id === undefined ? undefined : { id },
    (ack) => id !== undefined && setAnswer(ack.ok ? { id, detail: ack.value } : { id, error: ack.error.message }),
    changes,
  );

  const edit = useCallback((input: EditEscortInput) => conn.send('escort:edit', input), [conn]);
  // An answer about another escort (the drawer moved on) is not shown.
  const current = answer?.id === id ? answer : undefined;
  return { detail: current?.detail, error: current?.error, edit };
}
