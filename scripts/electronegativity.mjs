// `npm test` step: Doyensec Electronegativity on the Electron main process and the pages its windows
// load, offline. Prints every finding and one summary line by severity; exits non-zero on any HIGH
// finding (or if the scan itself failed).
//
// Scanned together, in one run, so the global checks (CSP, navigation limits, permission handler)
// see the whole app: electron/ (main, preload, core) and renderer/ (whose HTML carries the CSP meta).
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

// The scanner asks the network twice: for fresh translations (falls back to its bundled English)
// and, in AvailableSecurityFixesGlobalCheck, for Electron's release list. Nothing here may reach
// the network, so every outbound connection fails at once and that check is not loaded.
net.Socket.prototype.connect = function refuse() {
  process.nextTick(() => this.destroy(new Error('electronegativity: no network in the test suite')));
  return this;
};
const OFFLINE_EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];

// Given, not detected: the scanner would otherwise guess from the semver range in package.json.
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;

const scanned = ['electron', 'renderer'];
const input = mkdtempSync(join(tmpdir(), 'greenpost-electronegativity-'));
for (const dir of scanned) symlinkSync(join(root, dir), join(input, dir), 'dir');

const log = console.log;
let result;
try {
  // Its translation loader prints a notice when the fetch fails; that is expected here.
  console.log = () => undefined;
  const run = require('@doyensec/electronegativity');
  result = await run({
    input,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: OFFLINE_EXCLUDED,
    customScan: [],
    parserPlugins: [],
  });
} finally {
  console.log = log;
  rmSync(input, { recursive: true, force: true });
}

const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];
const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
for (const issue of result.issues) {
  const severity = issue.severity.name;
  counts[severity] = (counts[severity] ?? 0) + 1;
  const review = issue.manualReview ? ' (manual review)' : '';
  log(
    `electronegativity: ${severity} ${issue.id} ${issue.file}:${issue.location.line}:${issue.location.column}${review}`,
  );
}
const unparsed = result.errors.filter((e) => !e.tolerable);
for (const e of unparsed) log(`electronegativity: could not parse ${e.file}: ${e.message}`);

const bySeverity = SEVERITIES.map((s) => `${counts[s]} ${s}`).join(', ');
log(
  `electronegativity: ${bySeverity} — ${result.globalChecks + result.atomicChecks} checks on ${scanned.join('/, ')}/, ` +
    `Electron ${electronVersion}, offline (not run: ${OFFLINE_EXCLUDED.join(', ')})`,
);
process.exit(counts.HIGH > 0 || unparsed.length > 0 ? 1 : 0);
