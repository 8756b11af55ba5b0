import { useCallback, useEffect, useState } from 'react';
import type { EscortPage, HistoryQuery } from '../../../../shared/contract/escorts';
import { useConnection } from '../../net/useConnection';
import { useOfficerRequest } from './useOfficerRequest';

export type HistoryFilters = Omit<HistoryQuery, 'page' | 'pageSize'>;

/** History search: re-runs on filter or page change, on reconnect, and when any escort changes. */
export function useEscortHistory(pageSize = 20) {
  const conn = useConnection();
  const [filters, setFilters] = useState<HistoryFilters>({});
  const [page, setPage] = useState(1);
  const [answer, setAnswer] = useState<{ key: string; page?: EscortPage; error?: string }>();
  const [changes, setChanges] = useState(0);
  const key = JSON.stringify([filters, page, pageSize, changes]);

  useEffect(() => conn.on('escort:changed', () => setChanges((n) => n + 1)), [conn]);

  useOfficerRequest(
    'escort:history',
    { ...filters, page, pageSize },
    (ack) => setAnswer(ack.ok ? { key, page: ack.value } : { key, error: ack.error.message }),
    changes,
  );

  const search = useCallback((f: HistoryFilters) => {
    setFilters(f);
    setPage(1);
  }, []);

  // The previous answer stays on screen while the next loads, so the table does not flicker.
  return { result: answer?.page, error: answer?.error, loading: answer?.key !== key, page, pageSize, setPage, search };
}
