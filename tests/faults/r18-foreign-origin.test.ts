import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectClient, startTestCore, type TestCore } from '../helpers/test-core';
import { fingerprint } from './db-fingerprint';
import { figure } from './scale';

let core: TestCore;
/** The port the handshakes go to: the core's, or the bare server's in the control below. */
let port: number;
beforeAll(async () => {
  core = await startTestCore({ demo: true });
  port = core.port;
});
afterAll(() => core.dispose());

type Headers = Record<string, string>;

/** A polling handshake (or any GET) with the headers a page elsewhere would send; resolves to the HTTP status. */
const get = (path: string, headers: Headers) =>
  new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', reject);
    req.end();
  });

/**
 * A WebSocket handshake; resolves to 101 when it opened, else the status it was refused with. An
 * attacker's socket that opened goes on to guess a PIN, as in the finding.
 */
const upgrade = (headers: Headers, attack = true) =>
  new Promise<number>((resolve) => {
    const { Origin: origin, ...rest } = headers;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`, {
      headers: rest,
      ...(origin ? { origin } : {}),
    });
    ws.once('open', () => {
      if (attack) {
        ws.send('40');
        ws.send(`420["auth:login",{"badge":"900003","pin":"000000"}]`);
      }
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(0));
  });

const polling = '/socket.io/?EIO=4&transport=polling';
const self = () => `127.0.0.1:${port}`;

/** Each a page or a client the core must not serve: another local port, a site, a rebound name, a sandboxed frame. */
const foreign = (): Array<[string, Headers]> => [
  ['another local port', { Host: self(), Origin: 'http://localhost:5192' }],
  ['a web site', { Host: self(), Origin: 'https://example.com' }],
  ['a sandboxed frame', { Host: self(), Origin: 'null' }],
  ['a no-cors request from another site', { Host: self(), 'Sec-Fetch-Site': 'cross-site' }],
  ['a no-cors request from another port', { Host: self(), 'Sec-Fetch-Site': 'same-site' }],
  ['DNS rebinding', { Host: `rebind.example:${port}`, Origin: `http://rebind.example:${port}` }],
  ['a wrong Host, no Origin', { Host: `rebind.example:${port}` }],
  ['the right host at another port', { Host: '127.0.0.1:1', Origin: 'http://127.0.0.1:1' }],
];

it('R18: cross-origin and wrong-Host handshakes, polling and websocket, are refused with 403 before any handler; no lockout counter moves', async () => {
  const before = fingerprint(core.core.db);
  const runs = core.core.metrics.handlerRuns;
  const outcomes: string[] = [];
  for (const [who, headers] of foreign()) {
    for (let attempt = 0; attempt < 6; attempt++) {
      expect(await get(polling, headers), `${who}: polling`).toBe(403);
      expect(await upgrade(headers), `${who}: websocket`).toBe(403);
    }
    expect(await get('/', headers), `${who}: page`).toBe(403);
    expect(await get('/kiosk', headers), `${who}: kiosk page`).toBe(403);
    outcomes.push(who);
  }
  const refused = core.core.metrics.foreignRefused;
  const corePort = port;
  expect(refused).toBe(foreign().length * 14);
  expect(core.core.metrics.handlerRuns).toBe(runs);
  expect(fingerprint(core.core.db)).toEqual(before);
  const officer = core.core.db.prepare("SELECT failed_logins, locked_until FROM officers WHERE badge = '900003'").get();
  expect(officer).toEqual({ failed_logins: 0, locked_until: 0 });

  // The core's own origin, by every name it answers to, and clients that send no Origin, are served.
  for (const name of ['127.0.0.1', 'localhost']) {
    const headers = { Host: `${name}:${port}`, Origin: `http://${name}:${port}` };
    expect(await get(polling, headers), name).toBe(200);
    expect(await upgrade(headers, false), name).toBe(101);
    expect(await get('/', headers)).toBe(200);
  }
  expect(await get(polling, { Host: self() })).toBe(200);
  const client = await connectClient(core.url);
  expect(client.hello.principal.kind).toBe('anonymous');
  client.close();

  // The finding, reproduced: socket.io configured as the core was before (`cors: { origin: false }`
  // alone) opens a WebSocket for a page on another origin.
  const http = createServer();
  const bare = new Server(http, { cors: { origin: false }, serveClient: false });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  port = (http.address() as AddressInfo).port;
  const opened = await upgrade({ Host: self(), Origin: 'http://localhost:5192' }, false);
  await new Promise((resolve) => bare.close(resolve));
  expect(opened).toBe(101);
  port = corePort;
  figure(
    'R18',
    `${refused}/${refused} foreign handshakes and page loads refused with 403 (${outcomes.length} kinds × 6 polling + 6 websocket + 2 pages), 0 handlers run, 0 failed logins counted; own origin by 127.0.0.1 and localhost served; socket.io with cors: { origin: false } alone opened the foreign WebSocket (${opened})`,
  );
});
