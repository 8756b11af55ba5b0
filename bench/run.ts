// `npm run bench [-- --quick] [-- --only P1,P3]`: runs every figure's suite, prints a table and writes
// bench/results.json. Speed is measured here, never asserted in tests. Each suite runs in a fresh
// process (bench/run-suite.ts), so no figure pays for the heap and garbage an earlier suite left behind.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchEntry } from './types';

const quick = process.argv.includes('--quick');
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg ? new Set(onlyArg.split(',')) : undefined;

const suites = readdirSync(join(import.meta.dirname, 'suites'))
  .filter((f) => /^p\d+-.*\.ts$/.test(f))
  .sort()
  .filter((f) => !only || only.has(f.split('-')[0]!.toUpperCase()));

const results: BenchEntry[] = [];
const failed: string[] = [];
const outDir = mkdtempSync(join(tmpdir(), 'greenpost-bench-results-'));
for (const file of suites) {
  process.stdout.write(`\n▶ ${file}${quick ? ' (quick)' : ''}\n`);
  const out = join(outDir, `${file}.json`);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'run-suite.ts'), file, out, ...(quick ? ['--quick'] : [])],
    { stdio: 'inherit' },
  );
  if (run.status === 0) results.push(...(JSON.parse(readFileSync(out, 'utf8')) as BenchEntry[]));
  else failed.push(file);
}
rmSync(outDir, { recursive: true, force: true });

const fmt = (n: number) => (Number.isFinite(n) ? (Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3)) : String(n));
process.stdout.write('\n');
console.table(
  results.map((r) => ({
    id: r.id,
    name: r.name,
    value: `${fmt(r.value)} ${r.unit}`,
    baseline: `${fmt(r.baseline)} ${r.unit}`,
    ratio: fmt(r.ratio),
    goal: r.goal,
    pass: r.pass ? 'yes' : 'NO',
  })),
);
writeFileSync(join(import.meta.dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
process.stdout.write(
  `wrote bench/results.json (${results.length} entries, ${results.filter((r) => !r.pass).length} not passing)\n`,
);
if (failed.length) {
  process.stdout.write(`suites that did not finish: ${failed.join(', ')}\n`);
  process.exitCode = 1;
}
