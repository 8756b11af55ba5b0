import { describe, it } from 'vitest';
import { monthEdges } from '../helpers/calendar-edges';
import { expectDemoSeededAt } from '../helpers/demo-at';

// Five years of --demo history across the turn of the year and from 29 February of a leap year.
describe('five years of --demo history at the year end and on 29 Feb', () => {
  for (const { label, at } of monthEdges.filter((e) =>
    ['2026-12-31 23:59', '2028-01-01 00:00', '2028-02-29 12:00'].includes(e.label),
  )) {
    it(`5 years at ${label} (Asia/Shanghai)`, { timeout: 300000 }, async () => {
      const seeded = await expectDemoSeededAt(at, 5);
      console.log(`demo ${label}: 5 y seeded in ${seeded.ms} ms`, seeded);
    });
  }
});
