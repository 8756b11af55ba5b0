// Bundles the Node side: the headless core CLI (ESM), Electron's main process and preload (CJS).
// Electron's two bundles keep their dependencies external (node_modules ships with the app). The
// headless core also bundles its pure-JS dependencies (socket.io, zod, …): resolving and reading ~150
// small module files cost ~100 ms of every cold start (P3). Native better-sqlite3, lazily loaded
// exceljs and ws's optional native helpers stay external.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };
const { packages: _external, ...bundled } = common;

await Promise.all([
  build({
    ...bundled,
    entryPoints: ['electron/core/cli.ts'],
    outfile: 'dist-node/serve.mjs',
    format: 'esm',
    external: ['better-sqlite3', 'exceljs', 'bufferutil', 'utf-8-validate'],
    // CommonJS dependencies inside an ESM bundle still call require() for Node's built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist-node/main.cjs', format: 'cjs' }),
  build({ ...common, entryPoints: ['electron/main/preload.ts'], outfile: 'dist-node/preload.cjs', format: 'cjs' }),
]);
