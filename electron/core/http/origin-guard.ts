import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { hostname, networkInterfaces } from 'node:os';

/**
 * Who may talk to the core. A browser sends `Origin` on every WebSocket handshake and every
 * cross-origin request, so a page from anywhere else (another local server, a site the officer
 * opened, a DNS-rebound name) is recognised and refused before any handler runs. `Host` must name
 * this machine at the core's port, which is what defeats DNS rebinding: a rebound page talks to
 * our address under its own name. Requests without `Origin` that a browser marks as coming from
 * another site (`Sec-Fetch-Site`) are refused too. Clients without a browser (Node, a station integration) send no
 * `Origin`; they still need a token for anything beyond the login screen.
 */
export interface OriginGuard {
  /** Undefined when the request may proceed, else why it may not (for the log, never the client). */
  refusal(req: IncomingMessage): string | undefined;
}

const WILDCARD = new Set(['0.0.0.0', '::']);

/** `[::1]:5170`-style authorities for an address and port; on port 80 a browser leaves the port out. */
function authorities(host: string, port: number): string[] {
  const name = (host.includes(':') ? `[${host}]` : host).toLowerCase();
  return port === 80 ? [`${name}:80`, name] : [`${name}:${port}`];
}

/** Names this machine answers to on `bound`: loopback always, every interface address when listening on all. */
export function localNames(bound: string): string[] {
  const names = new Set(['127.0.0.1', 'localhost', '::1', bound]);
  if (WILDCARD.has(bound)) {
    for (const addresses of Object.values(networkInterfaces())) for (const a of addresses ?? []) names.add(a.address);
    names.add(hostname());
  }
  for (const name of WILDCARD) names.delete(name);
  return [...names];
}

/**
 * `listening()` is read per request: the guard is made before the server listens (port 0 picks a
 * port), and the names are worked out once the address is known. No `file:` or `null` origin is let
 * in: every screen, Electron's windows included, is loaded from the core itself, and `null` is what
 * a sandboxed frame on any site sends.
 */
export function createOriginGuard(listening: () => { host: string; port: number } | undefined): OriginGuard {
  let cached: { key: string; hosts: Set<string>; origins: Set<string> } | undefined;
  const allowed = () => {
    const at = listening();
    if (!at) return undefined;
    const key = `${at.host}|${at.port}`;
    if (cached?.key !== key) {
      const hosts = new Set(localNames(at.host).flatMap((name) => authorities(name, at.port)));
      cached = { key, hosts, origins: new Set([...hosts].map((h) => `http://${h}`.replace(/:80$/, ''))) };
    }
    return cached;
  };
  return {
    refusal(req) {
      const table = allowed();
      if (!table) return 'not listening yet';
      const host = (req.headers.host ?? '').toLowerCase();
      if (!table.hosts.has(host)) return `Host ${host || '(none)'} is not this core`;
      const origin = req.headers.origin;
      if (origin !== undefined && !table.origins.has(origin.toLowerCase())) return `Origin ${origin} is not this core`;
      // A no-cors GET (an <img>, fetch with mode 'no-cors') carries no Origin, but Chromium marks it
      // cross-site; 'none' is a URL typed or bookmarked, 'same-origin' our own pages.
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site ${String(site)}`;
      return undefined;
    },
  };
}

/**
 * socket.io answers a refused WebSocket upgrade with 400; a foreign one gets the same 403 as every
 * other foreign request, before socket.io sees it. Call after socket.io has attached to `http`.
 */
export function refuseForeignUpgrades(http: Server, isForeign: (req: IncomingMessage) => boolean): void {
  const attached = http.listeners('upgrade') as Array<(req: IncomingMessage, socket: Duplex, head: Buffer) => void>;
  http.removeAllListeners('upgrade');
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isForeign(req)) {
      for (const listener of attached) listener.call(http, req, socket, head);
      return;
    }
    const body = "Forbidden: not this core's origin";
    socket.end(
      `HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });
}
