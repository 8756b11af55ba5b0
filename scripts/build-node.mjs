// Bundles the Node side: the headless core CLI (ESM), Electron's main process and preload (CJS).
// Dependencies stay external (node_modules ships with the app); only our own code is bundled.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['electron/core/cli.ts'], outfile: 'dist-node/serve.mjs', format: 'esm' }),
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist-node/main.cjs', format: 'cjs' }),
  build({ ...common, entryPoints: ['electron/main/preload.ts'], outfile: 'dist-node/preload.cjs', format: 'cjs' }),
]);
