import Database from 'better-sqlite3';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import config from '../../playwright.config';
import { expect, stopCore, test } from './fixtures';

// rebind.test resolves to this machine, as a DNS-rebinding attacker's name would after the rebind.
test.use({
  launchOptions: {
    ...config.use?.launchOptions,
    args: [...(config.use?.launchOptions?.args ?? []), '--host-resolver-rules=MAP rebind.test 127.0.0.1'],
  },
});

/**
 * What the finding did from `http://localhost:<other port>`: open the core's WebSocket, join the
 * default namespace and guess PINs; also start a polling handshake. The page says what it got.
 */
const attackPage = (corePort: number) => `<!doctype html><meta charset="utf-8"><title>another site</title>
<script>
window.attack = new Promise((resolve) => {
  const ws = new WebSocket('ws://127.0.0.1:${corePort}/socket.io/?EIO=4&transport=websocket');
  ws.onopen = () => {
    ws.send('40');
    for (let i = 0; i < 6; i++) ws.send('42' + i + '["auth:login",{"badge":"900003","pin":"00000' + i + '"}]');
    resolve('opened');
  };
  ws.onerror = () => resolve('refused');
});
// no-cors: the browser sends it with the page's Origin and hands back an opaque reply, as an attack would.
fetch('http://127.0.0.1:${corePort}/socket.io/?EIO=4&transport=polling', { mode: 'no-cors' }).catch(() => undefined);
</script>`;

let site: Server | undefined;
test.afterEach(() => void site?.close());

test('R18 in Chromium: a page on another origin cannot open the core’s socket, a rebound name cannot load it, no PIN guess counts', async ({
  page,
  core,
}) => {
  const corePort = Number(new URL(core.url).port);
  site = createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(attackPage(corePort)),
  );
  await new Promise<void>((resolve) => site!.listen(0, '127.0.0.1', resolve));
  const siteUrl = `http://localhost:${(site.address() as AddressInfo).port}/`;

  const polling = page.waitForResponse((r) => r.url().includes('transport=polling'));
  await page.goto(siteUrl);
  expect(await page.evaluate(() => (window as unknown as { attack: Promise<string> }).attack)).toBe('refused');
  expect((await polling).status()).toBe(403);

  // DNS rebinding: the attacker's name now points here, so its page talks to the core "same-origin".
  const rebound = await page.goto(`http://rebind.test:${corePort}/`);
  expect(rebound?.status()).toBe(403);
  expect(await page.textContent('body')).toContain('Forbidden');

  // The core's own page still works, and the account the page guessed at was never touched.
  await page.goto(core.url);
  await expect(page.getByLabel('警号')).toBeVisible();
  await stopCore(core, true);
  const db = new Database(join(core.dataDir, 'greenpost.db'), { readonly: true });
  const officer = db.prepare("SELECT failed_logins, locked_until FROM officers WHERE badge = '900003'").get();
  db.close();
  expect(officer).toEqual({ failed_logins: 0, locked_until: 0 });
  const refusals = core.output().match(/request from another origin refused/g) ?? [];
  expect(refusals.length).toBeGreaterThanOrEqual(2);
  process.stdout.write(
    `[R18] Chromium: WebSocket from ${siteUrl} refused, its polling handshake 403, http://rebind.test:${corePort}/ 403; 900003 failed_logins 0\n`,
  );
});
