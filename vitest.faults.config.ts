import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// `npm run test:faults`: the fault and abuse suite at full size (R1 50 kills, R2 10,000 events, …).
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['tests/faults/**/*.test.ts'],
      env: { GREENPOST_FAULTS: 'full' },
      testTimeout: 600_000,
    },
  }),
);
