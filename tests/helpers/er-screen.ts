import { connectClient, expectOk, type TestClient } from './test-core';

/** An /er screen paired by `officer` through its one-time code; returns the screen signed in with its token. */
export async function pairedErScreen(url: string, officer: TestClient, name?: string) {
  const screen = await connectClient(url);
  const { code } = expectOk(await screen.send('er:requestPairingCode', {}));
  const paired = screen.next('er:paired');
  const info = expectOk(await officer.send('er:pair', name ? { code, name } : { code }));
  const [{ token }] = await paired;
  screen.close();
  return { code, token, info, client: await connectClient(url, { erToken: token }) };
}
