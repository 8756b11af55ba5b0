// Floods a core from its own process for R11, like an attacker who reconnects each time it is cut
// off. Usage: flood-worker.ts <url> <token> <ms>. Prints `READY go` once connected, `KICKED <sent> <limited>`
// each time the core disconnects it, `REFUSED <n>` as reconnections are turned away, and exits when the time is up.
import { io } from 'socket.io-client';

const [url, token, ms] = process.argv.slice(2);
const until = Date.now() + Number(ms);
let sent = 0;
let limited = 0;
let ready = false;
let refusals = 0;

while (Date.now() < until) {
  const socket = io(url!, { transports: ['websocket'], auth: { token: token! }, reconnection: false, forceNew: true });
  const admitted = await new Promise<boolean>((r) => {
    socket.once('core:hello', () => r(true));
    socket.once('connect_error', () => r(false));
  });
  if (!admitted) {
    if (++refusals === 1 || refusals % 50 === 0) process.stdout.write(`REFUSED ${refusals}\n`);
    socket.close();
    continue; // turned away at the door: try again at once, as an attacker would
  }
  if (!ready) process.stdout.write('READY go\n');
  ready = true;
  let kicked = false;
  socket.once('disconnect', () => (kicked = true));
  while (!kicked && Date.now() < until) {
    const burst = Array.from(
      { length: 100 },
      () => socket.timeout(1_000).emitWithAck('auth:me', {}) as Promise<{ error?: { code: string } }>,
    );
    sent += burst.length;
    for (const r of await Promise.allSettled(burst))
      if (r.status === 'fulfilled' && r.value.error?.code === 'RATE_LIMITED') limited++;
  }
  if (kicked) process.stdout.write(`KICKED ${sent} ${limited}\n`);
  socket.close();
}
process.exit(0);
