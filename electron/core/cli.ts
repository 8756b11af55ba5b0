import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findAppRoot } from './app-root';
import { startCore } from './server';
import { parseSettingArgs } from './startup-settings';

const usage =
  'usage: npm run serve -- --data <dir> [--port 5170] [--host <address>] [--demo [--demo-years 5]] [--setting key=value …] [--key-file <path>] [--pg <postgres://…>]  (no --host: the saved 监听地址, 127.0.0.1 by default; --pg: run as the city server)';

async function main() {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '5170' },
      // No default: without --host the core listens on the bind address saved in 管理 → 设置.
      host: { type: 'string' },
      demo: { type: 'boolean', default: false },
      'demo-years': { type: 'string', default: '5' },
      setting: { type: 'string', multiple: true, default: [] },
      // The rider key's file; default `rider-key` beside the database, owner-only (0600).
      'key-file': { type: 'string' },
      // The city role: every post ships its outbox to this PostgreSQL (`npm run serve:city`).
      pg: { type: 'string' },
      city: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.city && !values.pg) throw new Error(`the city server needs --pg <postgres://user@host:port/db>\n${usage}`);
  if (!values.data) throw new Error(`--data <dir> is required (where the database lives)\n${usage}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535\n${usage}`);
  const demoYears = Number(values['demo-years']);
  if (!Number.isInteger(demoYears) || demoYears < 0 || demoYears > 20) throw new Error(`--demo-years must be 0–20\n${usage}`);
  const root = findAppRoot(import.meta.dirname);
  const running = await startCore({
    dataDir: resolve(values.data),
    port,
    host: values.host,
    demo: values.demo,
    demoYears,
    ...(values.setting.length ? { settings: parseSettingArgs(values.setting) } : {}),
    ...(values['key-file'] ? { riderKeyFile: resolve(values['key-file']) } : {}),
    ...(values.pg ? { pgUrl: values.pg } : {}),
    webDir: resolve(root, 'dist-web'),
    resourcesDir: resolve(root, 'resources'),
  });
  const seeded = running.demoSeeded;
  if (seeded)
    process.stdout.write(
      seeded.years > 0
        ? `demo: ${seeded.years} years of history seeded in ${(seeded.ms / 1000).toFixed(1)} s\n`
        : 'demo: accounts only (--demo-years 0)\n',
    );
  process.stdout.write(
    `GreenPost 绿岗 ${values.pg ? 'city server 市级服务器' : 'core'} ready\n  booth 岗亭: ${running.boothUrl}\n  kiosk 教育屏: ${running.kioskUrl}\n  data: ${resolve(values.data)}${values.demo ? '  (demo: 900001–900004, PIN 123456)' : ''}\n`,
  );
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`GreenPost could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
