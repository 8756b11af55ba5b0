// `npm run bench [-- --quick] [-- --only P1,P3]`: runs every figure's suite, prints a table and writes
// bench/results.json. Speed is measured here, never asserted in tests.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchEntry, BenchSuite } from './types';

const quick = process.argv.includes('--quick');
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg ? new Set(onlyArg.split(',')) : undefined;

const suites = readdirSync(join(import.meta.dirname, 'suites'))
  .filter((f) => /^p\d+-.*\.ts$/.test(f))
  .sort()
  .filter((f) => !only || only.has(f.split('-')[0]!.toUpperCase()));

const results: BenchEntry[] = [];
for (const file of suites) {
  const workDir = mkdtempSync(join(tmpdir(), 'greenpost-bench-'));
  const suite = (await import(pathToFileURL(join(import.meta.dirname, 'suites', file)).href)) as { default: BenchSuite };
  process.stdout.write(`\n▶ ${file}${quick ? ' (quick)' : ''}\n`);
  try {
    results.push(...(await suite.default({ quick, workDir, log: (l) => process.stdout.write(`  ${l}\n`) })));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

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
process.stdout.write(`wrote bench/results.json (${results.length} entries, ${results.filter((r) => !r.pass).length} not passing)\n`);
