import { useEffect, useRef } from 'react';
import type { EventName, ReplyOf, RequestOf } from '../../../../shared/contract/index';
import type { Ack } from '../../../../shared/contract/result';
import { useConnection, useConnectionState } from '../../net/useConnection';

/**
 * Sends `name` once a signed-in officer is connected, again on every reconnect (each brings a new
 * `core:hello`: that is the resync) and whenever `payload` or `refresh` changes. A reply that arrives
 * after its inputs changed is dropped, so a slow answer never overwrites a newer one.
 */
export function useOfficerRequest<E extends EventName>(
  name: E,
  payload: RequestOf<E> | undefined,
  onReply: (ack: Ack<ReplyOf<E>>) => void,
  refresh: unknown = 0,
) {
  const conn = useConnection();
  const { hello } = useConnectionState();
  const reply = useRef(onReply);
  useEffect(() => {
    reply.current = onReply;
  });
  const key = payload === undefined ? undefined : JSON.stringify(payload);

  useEffect(() => {
    if (key === undefined || hello?.principal.kind !== 'officer') return;
    let live = true;
    void conn.send(name, JSON.parse(key) as RequestOf<E>).then((ack) => live && reply.current(ack));
    return () => {
      live = false;
    };
  }, [conn, hello, name, key, refresh]);
}
