// A core in its own process, for faults that need one: kill -9 (R1, R4), a flood from outside (R11).
// Usage: node --import tsx tests/faults/child-core.ts <dataDir> [limitsJson|-] [--demo] [--setting key=value]...
// Prints `READY <url>` once listening.
import { join, resolve } from 'node:path';
import { startCore } from '../../electron/core/server';
import { parseSettingArgs } from '../../electron/core/startup-settings';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const [dataDir, limits] = args;
const settingPairs = args.flatMap((a, i) => (args[i - 1] === '--setting' ? [a] : []));
const running = await startCore({
  dataDir: dataDir!,
  port: 0,
  host: '127.0.0.1',
  demo: args.includes('--demo'),
  demoYears: 0,
  webDir: join(root, 'tests', 'fixtures', 'web'),
  resourcesDir: join(root, 'resources'),
  quiet: true,
  limits: limits && limits !== '-' ? JSON.parse(limits) : undefined,
  ...(settingPairs.length ? { settings: parseSettingArgs(settingPairs) } : {}),
});
process.stdout.write(`READY ${running.url}\n`);
process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
