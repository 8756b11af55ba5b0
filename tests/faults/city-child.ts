// A city server in its own process, so that its work (parsing and checking batches) is not measured
// as the post's (R14, P8). Usage: node --import tsx tests/faults/city-child.ts <dataDir> <pgUrl> <port|0> [--demo]
// Prints `READY <url>` once listening; SIGTERM closes it.
import { join, resolve } from 'node:path';
import { startCore } from '../../electron/core/server';

const root = resolve(import.meta.dirname, '../..');
const [dataDir, pgUrl, port] = process.argv.slice(2);
const running = await startCore({
  dataDir: dataDir!,
  port: Number(port),
  host: '127.0.0.1',
  demo: process.argv.includes('--demo'),
  demoYears: 0,
  webDir: join(root, 'tests', 'fixtures', 'web'),
  resourcesDir: join(root, 'resources'),
  quiet: true,
  pgUrl: pgUrl!,
});
process.stdout.write(`READY ${running.url}\n`);
process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
