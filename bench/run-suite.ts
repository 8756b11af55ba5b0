// One suite of `npm run bench` in a process of its own (see run.ts): node --import tsx bench/run-suite.ts
// <suite file> <results json> [--quick]. Writes the suite's entries to <results json>.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchSuite } from './types';

const [file, out] = process.argv.slice(2);
const quick = process.argv.includes('--quick');
const workDir = mkdtempSync(join(tmpdir(), 'greenpost-bench-'));
let status = 0;
try {
  const suite = (await import(pathToFileURL(join(import.meta.dirname, 'suites', file!)).href)) as {
    default: BenchSuite;
  };
  const entries = await suite.default({ quick, workDir, log: (l) => process.stdout.write(`  ${l}\n`) });
  writeFileSync(out!, JSON.stringify(entries));
} catch (err) {
  process.stderr.write(`  ${file} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  status = 1;
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
// A suite's sockets or timers must not keep the run waiting once its figures are written.
process.exit(status);
