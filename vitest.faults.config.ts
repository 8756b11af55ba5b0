import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// `npm run test:faults`: the fault and abuse suite at full size (R1 50 kills, R2 10,000 events, …), one
// file at a time so that the latency figures (R11) are taken on an otherwise idle machine. Not
// mergeConfig: it would append these globs to the base config's and run every unit test too.
export default defineConfig({
  test: {
    ...base.test,
    include: ['tests/faults/**/*.test.ts'],
    env: { GREENPOST_FAULTS: 'full' },
    testTimeout: 600_000,
    fileParallelism: false,
  },
});
