// Prints the one closing line CI reads — `N passed, N failed, N skipped` — from the vitest and
// Playwright JSON reports, counting a failed non-test step (type-check, lint, build) as a failure.
// Exits non-zero if anything failed or if a report is missing.
import { existsSync, readFileSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
let passed = 0;
let failed = 0;
let skipped = 0;

const vitest = read('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  // A file that failed to load has no tests to count but is a failure.
  failed += (vitest.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  for (const file of vitest.testResults ?? [])
    for (const t of file.assertionResults ?? [])
      if (t.status === 'failed') console.log(`summary: failed: ${file.name.replace(process.cwd() + '/', '')} › ${t.fullName}`);
} else {
  console.log('summary: vitest report missing (reports/vitest.json)');
  failed += 1;
}

const playwright = read('reports/playwright.json');
if (playwright?.stats) {
  passed += playwright.stats.expected ?? 0;
  failed += (playwright.stats.unexpected ?? 0) + (playwright.stats.flaky ?? 0);
  skipped += playwright.stats.skipped ?? 0;
  failed += (playwright.errors ?? []).length;
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === 'unexpected' || t.status === 'flaky') console.log(`summary: failed: ${path}${spec.title} (${t.status})`);
    for (const child of suite.suites ?? []) walk(child, `${path}${child.title} › `);
  };
  for (const suite of playwright.suites ?? []) walk(suite, `${suite.title} › `);
} else {
  console.log('summary: Playwright report missing (reports/playwright.json)');
  failed += 1;
}

for (const step of read('reports/steps.json') ?? []) {
  if (!step.ok && !['unit + integration', 'e2e'].includes(step.name)) {
    console.log(`summary: step failed: ${step.name}`);
    failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
