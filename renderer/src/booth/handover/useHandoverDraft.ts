import { useEffect, useState } from 'react';
import type { HandoverDraft, HandoverRecord, SignHandoverInput } from '../../../../shared/contract/handover';
import { useConnection } from '../../net/useConnection';
import { useOfficerRequest } from '../escorts/useOfficerRequest';

/**
 * The current shift's draft, computed by the core, read again whenever an escort changes (a step, a
 * take-over on another booth) so the open list the officers tick is the live one; then the signing.
 */
export function useHandoverDraft() {
  const conn = useConnection();
  const [draft, setDraft] = useState<HandoverDraft>();
  const [error, setError] = useState<string>();
  const [changes, setChanges] = useState(0);
  useEffect(() => conn.on('escort:changed', () => setChanges((n) => n + 1)), [conn]);
  useOfficerRequest(
    'handover:draft',
    {},
    (ack) => {
      setError(ack.ok ? undefined : ack.error.message);
      if (ack.ok) setDraft(ack.value);
    },
    changes,
  );

  /** Resolves the signed record, or the core's refusal in words. */
  const sign = async (input: SignHandoverInput): Promise<HandoverRecord | string> => {
    const ack = await conn.send('handover:sign', input);
    setChanges((n) => n + 1);
    return ack.ok ? ack.value : ack.error.message;
  };

  return { draft, error, sign, refresh: () => setChanges((n) => n + 1) };
}
