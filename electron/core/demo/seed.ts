import type { Role } from '../../../shared/domain/roles';
import type { Core } from '../context';
import { seedHelmetDemo } from '../helmet/demo';
import { countOfficers, createOfficer } from '../identity/officers';
import { seedDemoEscorts } from './escorts-seed';

/** Demo-only accounts; every one has PIN 123456. Never created outside `--demo`. */
export const demoOfficers: ReadonlyArray<{ badge: string; name: string; role: Role }> = [
  { badge: '900001', name: '王建国', role: 'admin' },
  { badge: '900002', name: '李卫东', role: 'chief' },
  { badge: '900003', name: '张伟', role: 'officer' },
  { badge: '900004', name: '刘洋', role: 'officer' },
];
export const DEMO_PIN = '123456';

/**
 * Seeds an empty data dir with demo accounts (and, as features land, years of history through the
 * same domain functions the UI uses). A data dir that already has officers is left alone.
 */
export interface DemoSeeded {
  /** Years of history seeded (0: accounts only). */
  years: number;
  ms: number;
}

/** Resolves to what was seeded, or undefined when the data dir already had officers. */
export async function seedDemo(core: Core): Promise<DemoSeeded | undefined> {
  if (countOfficers(core.db) > 0) return undefined;
  const now = core.clock();
  for (const o of demoOfficers) await createOfficer(core.db, { ...o, pin: DEMO_PIN }, 'demo-seed', now);
  core.log('info', 'demo data seeded', { officers: demoOfficers.length });
  const years = core.options.demoYears ?? 5;
  if (years <= 0) return { years: 0, ms: 0 };
  const seedStarted = Date.now();
  let started = seedStarted;
  const escorts = seedDemoEscorts(core.db, now, years, (year, soFar) =>
    core.log('info', 'demo escorts: year seeded', { year, ...soFar, ms: Date.now() - started }),
  );
  core.log('info', 'demo escorts seeded', { ...escorts, ms: Date.now() - started });
  started = Date.now();
  const helmet = seedHelmetDemo(core, now, years, (year, soFar) =>
    core.log('info', 'demo helmet stops: year seeded', { year, ...soFar, ms: Date.now() - started }),
  );
  core.log('info', 'demo helmet stops seeded', { ...helmet, ms: Date.now() - started });
  return { years, ms: Date.now() - seedStarted };
}
