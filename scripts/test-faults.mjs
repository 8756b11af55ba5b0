// `npm run test:faults`: the fault and abuse suite at full size. R1–R11 run in vitest, one file at a
// time; R12 (a kiosk left idle the real 60 s) is a browser test, run from the built UI in Playwright.
// Each prints its figure as `[Rn] …`; the exit code is non-zero if either part failed.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, GREENPOST_FAULTS: 'full' };
const steps = [
  ['npx', ['vitest', 'run', '--config', 'vitest.faults.config.ts', '--reporter=verbose']],
  ['npm', ['run', 'build']],
  ['npx', ['playwright', 'test', 'tests/e2e/helmet.spec.ts', '-g', 'R12']],
];
let failed = false;
for (const [cmd, args] of steps) {
  const run = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (run.status !== 0) {
    failed = true;
    if (args.includes('build')) break;
  }
}
process.exit(failed ? 1 : 0);
