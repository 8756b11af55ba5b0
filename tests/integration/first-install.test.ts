import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { root } from '../helpers/test-core';

const ours = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
};
const dir = mkdtempSync(join(tmpdir(), 'greenpost-install-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The README's first command on a machine that reaches the npm registry but not Electron's download
 * (this one, and CI's): electron's postinstall fetches the binary and, failing, made npm roll the
 * whole install back. Our package.json's script policy is installed here with electron alone.
 */
it('npm install succeeds where the Electron binary cannot be downloaded; the types are there, the binary is not', () => {
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'greenpost-install-check',
      private: true,
      devDependencies: { electron: ours.devDependencies.electron },
      allowScripts: ours.allowScripts,
    }),
  );
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD; // the plain command, as a newcomer types it
  const started = performance.now();
  const install = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 150_000,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  expect(install.status, `${install.stdout}\n${install.stderr}`).toBe(0);
  expect(existsSync(join(dir, 'node_modules', 'electron', 'electron.d.ts'))).toBe(true);
  expect(existsSync(join(dir, 'node_modules', 'electron', 'path.txt'))).toBe(false);
  process.stdout.write(
    `[install] npm install with electron ${ours.devDependencies.electron} and no download: ok in ${seconds} s\n`,
  );
}, 180_000);

it('npm start says in one line why it serves headless, and how to get the runtime, without advice that needs a download', () => {
  // start.mjs resolves electron from the project: point it at the install above by running a copy there.
  const copy = join(dir, 'start.mjs');
  writeFileSync(
    copy,
    readFileSync(join(root, 'scripts', 'start.mjs'), 'utf8').replace(
      "join(root, 'dist-node', 'serve.mjs')",
      "'--version'",
    ),
  );
  const run = spawnSync(process.execPath, [copy], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  const notice = run.stdout.split('\n').filter((l) => l.includes('Electron'));
  expect(notice).toEqual([
    'Electron runtime not installed (its binary was never downloaded; `npm run get-electron` downloads it when online); starting the headless core instead — open the booth URL below in a browser.',
  ]);
  expect(run.stdout).not.toMatch(/delete node_modules/i);
});
