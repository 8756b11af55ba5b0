import { describe, it } from 'vitest';
import { monthEdges } from '../helpers/calendar-edges';
import { expectDemoSeededAt } from '../helpers/demo-at';

// --demo finishes at every month's last minute (a month loop once never ended in December).
describe('--demo history at the last minute of each month', () => {
  for (const { label, at } of monthEdges.filter((e) => e.label.endsWith('23:59'))) {
    it(`1 year at ${label} (Asia/Shanghai)`, { timeout: 120000 }, async () => {
      const seeded = await expectDemoSeededAt(at, 1);
      console.log(`demo ${label}: 1 y seeded in ${seeded.ms} ms`, seeded);
    });
  }
});
