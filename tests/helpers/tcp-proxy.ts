import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  url: string;
  /** Cuts the link: every connection through it drops and new ones are refused, as when a post's line goes down. */
  cut(): Promise<void>;
  /** Brings the link back on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** A loopback TCP relay (HTTP/WebSocket) in front of a server, so a test can take one post's network away and give it back. */
export async function tcpProxy(target: string): Promise<TcpProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  let server: Server | undefined;
  let listenPort = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((inbound) => {
        const outbound = connect(Number(port), hostname);
        for (const sock of [inbound, outbound]) {
          open.add(sock);
          sock.on('close', () => open.delete(sock));
          sock.on('error', () => undefined);
        }
        // As a reverse proxy sets `Host` to the server's own (the core refuses other names, against
        // DNS rebinding): the handshake is the first request on the connection.
        inbound.once('data', (first: Buffer) => {
          outbound.write(first.toString('latin1').replace(/^host: [^\r]*/im, `Host: ${hostname}:${port}`), 'latin1');
          inbound.pipe(outbound);
        });
        outbound.pipe(inbound);
        inbound.on('close', () => outbound.destroy());
        outbound.on('close', () => inbound.destroy());
      });
      s.once('error', reject);
      s.listen(listenPort, '127.0.0.1', () => {
        listenPort = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const sock of open) sock.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  await listen();
  return { url: `http://127.0.0.1:${listenPort}`, cut: stop, restore: listen, close: stop };
}
