// `npm test`: type-check (node and web), lint, Electronegativity (offline, fails on HIGH), unit +
// integration (vitest), build, e2e (Playwright), in that order. Every step runs even if an earlier
// one failed, so one run shows everything; the exit code is non-zero if any failed. Step outcomes go to reports/steps.json for the CI summary.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

const steps = [
  ['type-check (node)', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']],
  ['type-check (web)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']],
  ['type-check (e2e)', 'npx', ['tsc', '-p', 'tsconfig.e2e.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['electronegativity', 'node', ['scripts/electronegativity.mjs']],
  ['unit + integration', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json']],
  ['build', 'npm', ['run', 'build']],
  ['e2e', 'npx', ['playwright', 'test']],
];

// Stale reports from an earlier run must never be counted.
rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });
const results = [];
for (const [name, cmd, args] of steps) {
  const started = Date.now();
  process.stdout.write(`\n=== ${name} ===\n`);
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const ok = run.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 100) / 10 });
  process.stdout.write(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${run.status ?? run.signal})`} ===\n`);
  // Without a build there is nothing for the browser to test.
  if (name === 'build' && !ok) break;
}
writeFileSync('reports/steps.json', JSON.stringify(results, null, 2));
for (const r of results) process.stdout.write(`${r.ok ? 'ok    ' : 'FAILED'} ${r.name} (${r.seconds} s)\n`);
process.exit(results.length === steps.length && results.every((r) => r.ok) ? 0 : 1);
