import { useCallback, useEffect, useState } from 'react';
import type { AuditPage } from '../../../shared/contract/admin';
import { useConnection, useConnectionState } from '../net/useConnection';

export interface AuditFilter {
  actor?: string;
  action?: string;
  from?: number;
  to?: number;
}

/** One page of the audit log for the current filter, the list of actions, and the chain check. */
export function useAudit() {
  const conn = useConnection();
  const { hello } = useConnectionState();
  const [query, setQuery] = useState<{ filter: AuditFilter; page: number; pageSize: number }>({
    filter: {},
    page: 1,
    pageSize: 20,
  });
  const [result, setResult] = useState<{ page?: AuditPage; error?: string }>({});
  const [actions, setActions] = useState<string[]>([]);

  useEffect(() => {
    if (!hello) return;
    let current = true;
    void conn.send('audit:query', { ...query.filter, page: query.page, pageSize: query.pageSize }).then((r) => {
      if (current) setResult(r.ok ? { page: r.value } : { error: r.error.message });
    });
    void conn.send('audit:actions', {}).then((r) => current && r.ok && setActions(r.value));
    return () => {
      current = false;
    };
  }, [conn, hello, query]);

  return {
    page: result.page,
    error: result.error,
    actions,
    search: useCallback((filter: AuditFilter, page = 1, pageSize = 20) => setQuery({ filter, page, pageSize }), []),
    filter: query.filter,
    verify: useCallback(() => conn.send('audit:verify', {}, 120_000), [conn]),
  };
}
