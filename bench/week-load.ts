// A post's ordinary week, for the city catch-up figures (R14, P8): escorts that run their whole
// course and 劝导 taps, written through the same domain functions the booth's handlers call, each at
// its own simulated moment, so the outbox holds what a week of real work appends.
import type { Db } from '../electron/core/db/open';
import { tapAdvisory } from '../electron/core/advisories/advisories';
import { outboxHead } from '../electron/core/city/outbox';
import type { EscortActor } from '../electron/core/escorts/actor';
import { createEscort } from '../electron/core/escorts/create';
import { advanceEscort } from '../electron/core/escorts/steps';
import { findOfficerByBadge } from '../electron/core/identity/officers';
import type { AdvanceStep } from '../shared/contract/escorts';

const WEEK_MS = 7 * 24 * 3_600_000;
const steps: AdvanceStep[] = ['met', 'departed', 'arrived', 'handedOver'];
/** An escort appends 5 events (opened, 4 steps) and its crew's 劝导 tap one more. */
const EVENTS_PER_ESCORT = 6;
const STEP_EVERY_MS = 4 * 60_000;

/**
 * Appends about `events` outbox events spread over the 7 days before `endAt`, one transaction per
 * simulated day as a day's writes would be, and returns the outbox head after them.
 */
export function writeWeekOfLoad(db: Db, events: number, endAt: number): number {
  const officer = findOfficerByBadge(db, '900003');
  if (!officer) throw new Error('demo officer 900003 missing: start the core with demo: true');
  const by: EscortActor = { officerId: officer.id, actor: 'officer:900003' };
  const escorts = Math.ceil(events / EVENTS_PER_ESCORT);
  const start = endAt - WEEK_MS;
  const gap = (WEEK_MS - steps.length * STEP_EVERY_MS) / escorts;
  const perDay = Math.ceil(escorts / 7);
  for (let day = 0; day * perDay < escorts; day++) {
    db.transaction(() => {
      for (let i = day * perDay; i < Math.min(escorts, (day + 1) * perDay); i++) {
        const at = Math.round(start + i * gap);
        let row = createEscort(
          db,
          { plate: `鲁PW${String(i % 10_000).padStart(4, '0')}`, confirmDuplicate: true },
          by,
          at,
        );
        steps.forEach((step, k) => {
          row = advanceEscort(db, { id: row.id, version: row.version, step }, by, at + (k + 1) * STEP_EVERY_MS);
        });
        tapAdvisory(db, i % 3 === 0 ? 'parking' : 'stopAndGo', by, at + STEP_EVERY_MS);
      }
    })();
  }
  return outboxHead(db).seq;
}
