import { io, type Socket } from 'socket.io-client';

export type Reply = { ok: boolean; value: Record<string, unknown> };

/** Sends an event as the screens do and waits for its ack. */
export const call = (socket: Socket, name: string, payload: object) =>
  socket.timeout(10_000).emitWithAck(name, payload) as Promise<Reply>;

/**
 * An officer's socket through the real protocol, as a second booth or a station integration would
 * open it: `auth:login`, then a new connection with the token. The caller closes it.
 */
export async function officerSocket(url: string, badge = '900003', pin = '123456'): Promise<Socket> {
  const anon = io(url, { transports: ['websocket'], forceNew: true });
  const login = await call(anon, 'auth:login', { badge, pin });
  anon.close();
  const officer = io(url, { transports: ['websocket'], forceNew: true, auth: { token: login.value.token } });
  await new Promise((resolve) => officer.once('core:hello', resolve));
  return officer;
}
