import { useCallback, useEffect, useState } from 'react';
import type { OfficerAccount } from '../../../shared/contract/admin';
import type { Role } from '../../../shared/domain/roles';
import { useConnection, useConnectionState } from '../net/useConnection';
import { problemOf } from './zod-rule';

export interface NewOfficerInput {
  badge: string;
  name: string;
  role: Role;
  pin: string;
}

/** The officer list, live (`officers:changed`), and the admin's actions on it; each resolves to an error or undefined. */
export function useOfficers() {
  const conn = useConnection();
  const { hello } = useConnectionState();
  // The time the list arrived, to show lockouts still running then (render must not read the clock).
  const [list, setList] = useState<{ officers: OfficerAccount[]; at: number }>();

  // Re-read on every (re)connection: hello changes then, and a restore reconnects every screen.
  useEffect(() => {
    if (!hello) return;
    const show = (officers: OfficerAccount[]) => setList({ officers, at: Date.now() });
    void conn.send('officers:list', {}).then((r) => r.ok && show(r.value));
    return conn.on('officers:changed', show);
  }, [conn, hello]);

  return {
    officers: list?.officers,
    listedAt: list?.at ?? 0,
    create: useCallback(async (o: NewOfficerInput) => problemOf(await conn.send('officers:create', o)), [conn]),
    setActive: useCallback(
      async (officerId: number, active: boolean) =>
        problemOf(await conn.send('officers:setActive', { officerId, active })),
      [conn],
    ),
    setRole: useCallback(
      async (officerId: number, role: Role) => problemOf(await conn.send('officers:setRole', { officerId, role })),
      [conn],
    ),
    resetPin: useCallback(
      async (officerId: number, pin: string) => problemOf(await conn.send('officers:resetPin', { officerId, pin })),
      [conn],
    ),
  };
}
