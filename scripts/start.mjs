// `npm start`: the desktop app when Electron's binary is installed; otherwise the same core headless.
// `npm install` never downloads the binary (package.json's allowScripts denies electron's postinstall,
// which fails the whole install on a machine that cannot reach the download); `npm run get-electron`
// fetches it when the machine is online.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);

/**
 * The Electron binary's path, or why there is none. Without the download, `require('electron')`
 * throws advice (delete node_modules/electron and reinstall) that cannot help offline: say what is
 * missing instead.
 */
function findElectron() {
  let path;
  try {
    path = createRequire(import.meta.url)('electron');
  } catch {
    return { reason: 'its binary was never downloaded' };
  }
  if (typeof path !== 'string') return { reason: 'the electron package did not return a path' };
  return existsSync(path) ? { path } : { reason: `${path} does not exist` };
}

/**
 * The headless core's default data dir. On Windows and macOS it is the desktop app's userData too;
 * on Linux it follows XDG's data convention, while Electron keeps userData in ~/.config/GreenPost.
 */
function defaultDataDir() {
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'GreenPost');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'GreenPost');
  return join(process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'GreenPost');
}

/** Runs a child with our stdio, forwards Ctrl+C / SIGTERM to it, and exits with its status. */
function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    process.stderr.write(`could not start ${command}: ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = findElectron();
if (electron.path) {
  // "." loads package.json "main" (dist-node/main.cjs), so app.getAppPath() is the project root.
  run(electron.path, ['.', ...passThrough]);
} else {
  process.stdout.write(
    `Electron runtime not installed (${electron.reason}; \`npm run get-electron\` downloads it when online); starting the headless core instead — open the booth URL below in a browser.\n`,
  );
  const hasFlag = (name) => passThrough.some((a) => a === name || a.startsWith(`${name}=`));
  const defaults = [
    ...(hasFlag('--data') ? [] : ['--data', defaultDataDir()]),
    ...(hasFlag('--port') ? [] : ['--port', '5170']),
  ];
  run(process.execPath, [join(root, 'dist-node', 'serve.mjs'), ...defaults, ...passThrough]);
}
