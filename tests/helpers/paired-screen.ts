import { connectClient, expectOk, type TestClient } from './test-core';

const events = {
  kiosk: { request: 'kiosk:requestPairingCode', pair: 'kiosk:pair', paired: 'kiosk:paired', auth: 'kioskToken' },
  er: { request: 'er:requestPairingCode', pair: 'er:pair', paired: 'er:paired', auth: 'erToken' },
} as const;

/**
 * A kiosk or an ER screen paired by `officer` through the real protocol (its one-time code, then the
 * token it is granted), returned connected with that token; `code` is the redeemed code, for replays.
 */
export async function pairedScreen(url: string, officer: TestClient, kind: keyof typeof events, name?: string) {
  const e = events[kind];
  const screen = await connectClient(url);
  const { code } = expectOk(await screen.send(e.request, {}));
  const paired = screen.next(e.paired);
  const info = expectOk(await officer.send(e.pair, name ? { code, name } : { code }));
  const [{ token }] = await paired;
  screen.close();
  return { code, token, info, client: await connectClient(url, { [e.auth]: token }) };
}
