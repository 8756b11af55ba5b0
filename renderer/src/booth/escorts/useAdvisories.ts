import { useCallback, useEffect, useState } from 'react';
import type { AdvisoryTally } from '../../../../shared/contract/advisories';
import type { AdvisoryKind } from '../../../../shared/domain/escort-kinds';
import { useConnection } from '../../net/useConnection';
import { useOfficerRequest } from './useOfficerRequest';

/** This officer's 劝导 counts for the current shift, live across all of their screens. */
export function useAdvisories(officerId: number) {
  const conn = useConnection();
  const [tally, setTally] = useState<AdvisoryTally>();
  const [error, setError] = useState<string>();

  useOfficerRequest('advisory:mine', {}, (ack) => ack.ok && setTally(ack.value));

  useEffect(() => conn.on('advisory:changed', (t) => t.officerId === officerId && setTally(t)), [conn, officerId]);

  const run = useCallback(
    async (event: 'advisory:tap' | 'advisory:undo', kind: AdvisoryKind) => {
      const ack = await conn.send(event, { kind });
      if (ack.ok) {
        setTally(ack.value);
        setError(undefined);
      } else setError(ack.error.message);
    },
    [conn],
  );

  return {
    tally,
    error,
    tap: (k: AdvisoryKind) => run('advisory:tap', k),
    undo: (k: AdvisoryKind) => run('advisory:undo', k),
  };
}
