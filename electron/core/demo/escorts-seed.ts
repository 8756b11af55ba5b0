import type { CreateEscortInput } from '../../../shared/contract/escorts';
import { demoMonths } from './demo-calendar';
import { seededRandom } from './seeded-random';
import type {
  AdvisoryKind,
  Condition,
  Destination,
  RequestSource,
  VehicleKind,
} from '../../../shared/domain/escort-kinds';
import { daysInMonth, localParts, localToUtc } from '../../../shared/domain/time';
import { tapAdvisory, undoAdvisory } from '../advisories/advisories';
import type { Db } from '../db/open';
import type { EscortActor } from '../escorts/actor';
import { createEscort } from '../escorts/create';
import { advanceEscort, cancelEscort } from '../escorts/steps';
import { findOfficerByBadge } from '../identity/officers';
import { readSettings } from '../settings-store';

type Rng = () => number;
const pick = <T>(rng: Rng, weighted: ReadonlyArray<readonly [T, number]>): T => {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [v, w] of weighted) if ((r -= w) < 0) return v;
  return weighted[weighted.length - 1]![0];
};
/** Poisson count (Knuth), fine for the small means used here. */
const poisson = (rng: Rng, mean: number) => {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng(); p > limit; p *= rng()) k++;
  return k;
};
/** Right-skewed minutes around a median, as response times are. */
const minutes = (rng: Rng, median: number, spread = 0.45) =>
  Math.max(0.3, median * Math.exp(spread * (rng() + rng() + rng() - 1.5) * 1.6)) * 60_000;

const sources: ReadonlyArray<readonly [RequestSource, number]> = [
  ['120', 45],
  ['flagged', 20],
  ['hospital', 12],
  ['122', 10],
  ['110', 8],
  ['other', 5],
];
const conditionMix: ReadonlyArray<readonly [Condition, number]> = [
  ['trauma', 25],
  ['cardiac', 22],
  ['stroke', 18],
  ['obstetric', 10],
  ['paediatric', 10],
  ['respiratory', 8],
  ['other', 4],
  ['burn', 3],
];
const destinationFor: Record<Condition, Destination> = {
  cardiac: 'chestPain',
  stroke: 'stroke',
  obstetric: 'obstetrics',
  paediatric: 'paediatrics',
  trauma: 'emergency',
  burn: 'emergency',
  respiratory: 'emergency',
  other: 'emergency',
};
const meetPoints = [
  '东昌路与柳园路口',
  '花园路与建设路口',
  '兴华路东首',
  '市医院南门',
  '湖南路与东昌路口',
  '光岳路与向阳路口',
  '聊城西高速出口',
  '徐州路与利民路口',
  '古楼东大街',
  '站前街与振兴路口',
];
const cancelReasons = ['患者已由 120 直接转运', '误报，无需护送', '车辆未到会合点，联系不上', '改送其他医院'];
const noPlateReasons = ['新车未上牌', '临时号牌已过期', '外地农用车无号牌'];
const serialChars = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
/** Escorts by hour of day: busier by day and early evening, a trickle at night. */
const hourWeights = [2, 1, 1, 1, 1, 2, 3, 5, 7, 8, 8, 7, 6, 6, 7, 7, 8, 8, 7, 6, 5, 4, 3, 2].map(
  (w, h) => [h, w] as const,
);

function plateFor(rng: Rng, vehicle: VehicleKind): { plate: string; noPlateReason?: string } {
  if (vehicle === 'private' && rng() < 0.01)
    return { plate: '无牌', noPlateReason: noPlateReasons[Math.floor(rng() * 3)]! };
  const prefix =
    rng() < 0.85
      ? '鲁P'
      : pick(rng, [
          ['鲁A', 3],
          ['鲁N', 2],
          ['冀E', 1],
          ['豫J', 1],
        ] as const);
  const digits = () => String(Math.floor(rng() * 10));
  const serial = () => serialChars[Math.floor(rng() * serialChars.length)]!;
  if (vehicle !== 'ambulance' && rng() < 0.2)
    return { plate: `${prefix}${rng() < 0.5 ? 'D' : 'F'}${serial()}${digits()}${digits()}${digits()}${digits()}` };
  return { plate: `${prefix}${serial()}${digits()}${digits()}${digits()}${digits()}` };
}

function escortInput(rng: Rng, crew: number[]): CreateEscortInput {
  const source = pick(rng, sources);
  const vehicle: VehicleKind =
    source === '120'
      ? pick(rng, [
          ['ambulance', 95],
          ['other', 5],
        ] as const)
      : source === 'flagged'
        ? pick(rng, [
            ['private', 70],
            ['taxi', 25],
            ['other', 5],
          ] as const)
        : pick(rng, [
            ['ambulance', 40],
            ['private', 45],
            ['taxi', 10],
            ['other', 5],
          ] as const);
  const condition = pick(rng, conditionMix);
  return {
    ...plateFor(rng, vehicle),
    source,
    vehicle,
    condition,
    meetPoint: meetPoints[Math.floor(Math.pow(rng(), 1.6) * meetPoints.length)]!,
    destination: rng() < 0.85 ? destinationFor[condition] : 'emergency',
    hospitalNotified: rng() < (source === '120' ? 0.9 : 0.55),
    relayFrom:
      rng() < 0.03
        ? pick(rng, [
            ['东昌路岗', 1],
            ['高速口岗', 1],
          ] as const)
        : null,
    officerIds: crew,
  };
}

export interface DemoEscortStats {
  escorts: number;
  cancelled: number;
  advisories: number;
}

/**
 * About five years of escorts (≈ 7 a day) and 劝导 taps, ending before `now`, written through the same
 * domain functions the handlers use, each at its own simulated moment. One transaction per month
 * keeps seeding to seconds; the domain writes run `inside` it, without a savepoint each. `progress`
 * hears after each calendar year (and the current one), so a long seed is never silent.
 */
export function seedDemoEscorts(
  db: Db,
  now: number,
  years = 5,
  progress?: (year: number, soFar: DemoEscortStats) => void,
): DemoEscortStats {
  const { timeZone } = readSettings(db);
  const rng = seededRandom(20_190_301);
  const crewOf = (badge: string): EscortActor => {
    const o = findOfficerByBadge(db, badge);
    if (!o) throw new Error(`demo officer ${badge} missing`);
    return { officerId: o.id, actor: `officer:${badge}` };
  };
  const officers = [crewOf('900003'), crewOf('900004')];
  const today = localParts(now, timeZone);
  const stats: DemoEscortStats = { escorts: 0, cancelled: 0, advisories: 0 };
  if (years <= 0) return stats;

  for (const { year: y, month: m } of demoMonths(now, years, timeZone)) {
    db.transaction(() => {
      for (let d = 1; d <= daysInMonth(y, m); d++) {
        const dayStart = localToUtc(timeZone, y, m, d);
        if (dayStart > now) break;
        const requests = Array.from(
          { length: poisson(rng, 7) },
          () => localToUtc(timeZone, y, m, d, pick(rng, hourWeights)) + Math.floor(rng() * 3_600_000),
        ).sort((a, b) => a - b);
        for (const requested of requests) seedOneEscort(db, rng, requested, now, officers, stats);
        seedAdvisoryDay(db, rng, dayStart, now, officers, stats);
      }
    })();
    if (m === 12 || (y === today.year && m === today.month)) progress?.(y, { ...stats });
  }
  return stats;
}

function seedOneEscort(
  db: Db,
  rng: Rng,
  requested: number,
  now: number,
  officers: EscortActor[],
  stats: DemoEscortStats,
) {
  const lead = officers[Math.floor(rng() * officers.length)]!;
  const crew = rng() < 0.35 ? officers.map((o) => o.officerId) : [lead.officerId];
  const steps = [
    ['met', minutes(rng, 4)],
    ['departed', minutes(rng, 1, 0.6)],
    ['arrived', minutes(rng, 8)],
    ['handedOver', minutes(rng, 2.5, 0.5)],
  ] as const;
  const total = steps.reduce((s, [, ms]) => s + ms, 0);
  if (requested + total >= now) return; // history only: the live board starts empty
  let escort = createEscort.inside(db, escortInput(rng, crew), lead, requested);
  stats.escorts++;
  const cancelAfter = rng() < 0.025 ? Math.floor(rng() * 3) : -1;
  let at = requested;
  for (const [i, [step, ms]] of steps.entries()) {
    at += Math.round(ms);
    if (i === cancelAfter) {
      cancelEscort.inside(
        db,
        { id: escort.id, version: escort.version, reason: cancelReasons[Math.floor(rng() * cancelReasons.length)]! },
        lead,
        at,
      );
      stats.cancelled++;
      return;
    }
    escort = advanceEscort.inside(db, { id: escort.id, version: escort.version, step }, lead, at);
  }
}

const advisoryMeans: ReadonlyArray<readonly [AdvisoryKind, number]> = [
  ['stopAndGo', 2.2],
  ['parking', 1.4],
  ['other', 0.4],
];

/** Each officer's 劝导 taps for one day, spread over the day shift, with the odd mis-tap undone. */
function seedAdvisoryDay(
  db: Db,
  rng: Rng,
  dayStart: number,
  now: number,
  officers: EscortActor[],
  stats: DemoEscortStats,
) {
  for (const officer of officers) {
    for (const [kind, mean] of advisoryMeans) {
      for (let n = poisson(rng, mean); n > 0; n--) {
        const at = dayStart + 8 * 3_600_000 + Math.floor(rng() * 11 * 3_600_000);
        if (at >= now) continue;
        tapAdvisory.inside(db, kind, officer, at);
        stats.advisories++;
        if (rng() < 0.01) {
          undoAdvisory.inside(db, kind, officer, at + 5_000);
          stats.advisories--;
        }
      }
    }
  }
}
