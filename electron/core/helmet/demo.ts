import { deflateSync } from 'node:zlib';
import type { NewStop } from '../../../shared/contract/helmet';
import { idCheckChar } from '../../../shared/domain/helmet';
import { riderSecret } from '../secrets/rider-secret';
import type { Core } from '../context';
import { daysInMonth, localParts, localToUtc } from '../../../shared/domain/time';
import { demoMonths } from '../demo/demo-calendar';
import { seededRandom } from '../demo/seeded-random';
import { readSettings } from '../settings-store';
import { registerKiosk, revokeKiosk } from '../kiosk/pairing';
import { loadQuestions } from './content';
import { signPledge } from './pledge';
import { submitQuiz } from './quiz';
import { chooseOption, loadSession, offerEducation, walkAway } from './sessions';
import { cancelStop, createStop, overrideEligibility, recordFine, type Actor } from './stops';
import { attend, recordHeartbeat } from './video-progress';
import { MAX_BANK_SECONDS } from './watch-counter';

const DAY = 24 * 60 * 60 * 1000;
const MIN = 60 * 1000;

/** Seconds between the simulated kiosk's heartbeats: the most the core credits per beat. */
const BEAT_SECONDS = MAX_BANK_SECONDS;

interface Rider {
  input: Omit<NewStop, 'place'>;
  lastStop: number;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀兰', '桂英', '建华', '志强', '海燕'];

/** A PNG squiggle standing in for a rider's finger signature (a real PNG, so the core accepts it). */
function demoSignature(rand: () => number): string {
  const w = 64;
  const h = 24;
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w, 255);
    row[0] = 0;
    for (let x = 0; x < w; x++) if (Math.abs(Math.sin(x / 5 + rand()) * 8 + 12 - y) < 1.5) row[1 + x] = 20;
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    let c = ~0;
    for (const b of body) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(~c >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8;
  // Level 0: stored, not squeezed, so the image is as big as a real (if small) signature.
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** Stops on a post-calendar day: more in the warm months and on weekdays, about 2 on average. */
function stopsOn(year: number, month: number, day: number, rand: () => number): number {
  const season = [0.6, 0.6, 0.9, 1.1, 1.3, 1.4, 1.4, 1.4, 1.2, 1.0, 0.8, 0.6][month - 1]!;
  const weekDay = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const weekday = weekDay === 0 || weekDay === 6 ? 0.7 : 1.1;
  const mean = 1.9 * season * weekday;
  return Math.max(0, Math.round(mean + (rand() - 0.5) * mean * 1.2));
}

/** Times of day (07:00–19:00 at the post), sorted and at least 20 minutes apart: one kiosk, one rider at a time. */
function timesOn(dayStart: number, count: number, rand: () => number): number[] {
  const open = dayStart + 7 * 60 * MIN;
  const times = Array.from({ length: count }, () => open + Math.floor(rand() * 12 * 60) * MIN).sort((a, b) => a - b);
  for (let i = 1; i < times.length; i++) times[i] = Math.max(times[i]!, times[i - 1]! + 20 * MIN);
  return times;
}

export interface HelmetDemoCounts {
  stops: number;
  completed: number;
  fined: number;
  abandoned: number;
  cancelled: number;
  ms: number;
}

/**
 * Five years of helmet stops told through the same domain functions the booth and the kiosk call,
 * each at its own historical moment: eligibility from the stops before it, a kiosk session whose
 * watched seconds come from heartbeats, quiz attempts and pledges. A month of the post's calendar at
 * a time in one transaction, so the years take seconds rather than minutes; `progress` hears after
 * each calendar year.
 */
export function seedHelmetDemo(
  core: Core,
  now: number,
  years = 5,
  progress?: (year: number, soFar: Omit<HelmetDemoCounts, 'ms'>) => void,
): HelmetDemoCounts {
  const started = Date.now();
  const { db } = core;
  const rand = seededRandom(20240601);
  const officers = (db.prepare("SELECT id, badge FROM officers WHERE role = 'officer' ORDER BY id").all() as { id: number; badge: string }[]).map(
    (o): Actor => ({ officerId: o.id, label: `officer:${o.badge}` }),
  );
  const { timeZone } = readSettings(db);
  const riderKey = riderSecret(core);
  const months = demoMonths(now, years, timeZone);
  if (officers.length === 0 || months.length === 0) return { stops: 0, completed: 0, fined: 0, abandoned: 0, cancelled: 0, ms: 0 };
  const from = localToUtc(timeZone, months[0]!.year, months[0]!.month);
  const kiosk = registerKiosk(db, '演示历史教育屏', null, 'demo-seed', from).row.id;
  const riders: Rider[] = [];
  const signature = demoSignature(rand);
  const counts = { stops: 0, completed: 0, fined: 0, abandoned: 0, cancelled: 0 };
  let ticket = 0;
  const nextTicket = (at: number) => `3715${localParts(at, timeZone).year}${String(++ticket).padStart(7, '0')}`;
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;

  const newRider = (): Rider => {
    const birth = new Date(Date.UTC(1960 + Math.floor(rand() * 46), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)));
    const first17 = `3715${String(2 + Math.floor(rand() * 8)).padStart(2, '0')}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(Math.floor(rand() * 1000)).padStart(3, '0')}`;
    const motorcycle = rand() < 0.15;
    const r = rand();
    // Most riders show an ID card; some give only a phone, a few only the plate.
    const input: Rider['input'] = {
      vehicle: motorcycle ? 'motorcycle' : 'ebike',
      plate: motorcycle ? `鲁P${String(10000 + Math.floor(rand() * 89999))}` : `聊城${String(Math.floor(rand() * 1e6)).padStart(6, '0')}`,
      ...(r < 0.8 ? { idNumber: first17 + idCheckChar(first17) } : {}),
      ...(r < 0.55 || (r >= 0.8 && r < 0.95) ? { phone: `1${pick(['3', '5', '7', '8', '9'])}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}` } : {}),
      ...(rand() < 0.5 ? { riderName: pick([...SURNAMES]) + pick(GIVEN) } : {}),
    };
    return { input, lastStop: 0 };
  };

  /** The rider at the kiosk: video by heartbeats (answering most prompts), quiz, pledge — or walking off. */
  const educate = (sessionId: number, t0: number): number => {
    let t = t0;
    let position = 0;
    const quitAt = rand() < 0.05 ? rand() * 120 : Infinity;
    let prompted = false;
    for (;;) {
      const { reply } = recordHeartbeat(db, kiosk, sessionId, { position, state: 'playing' }, t, rand);
      if (reply.phase !== 'video') break;
      if (position > quitAt) return (walkAway(db, kiosk, sessionId, 'paused', t + 125_000), t + 125_000);
      if (reply.rewindTo !== null) position = reply.rewindTo;
      // Most riders tap 继续 at once; a few miss it and watch that stretch again.
      if (reply.prompt && !prompted) {
        prompted = true;
        if (rand() < 0.93) attend(db, kiosk, sessionId, t + 2000, rand);
      }
      if (!reply.prompt) prompted = false;
      t += BEAT_SECONDS * 1000;
      position += BEAT_SECONDS;
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      const s = loadSession(db, sessionId)!;
      if (s.phase !== 'quiz') break;
      t += 90_000;
      const questions = loadQuestions(db, JSON.parse(s.quiz_question_ids!) as string[]);
      const skill = rand() < 0.85 ? 0.97 : 0.6;
      const answers = questions.map((q) => ({ questionId: q.id, choice: rand() < skill ? q.answer : (q.answer + 1) % q.choices.length }));
      submitQuiz(db, kiosk, sessionId, answers, t, rand);
    }
    const s = loadSession(db, sessionId)!;
    if (s.phase === 'pledge') {
      t += 40_000;
      if (rand() < 0.01) walkAway(db, kiosk, sessionId, 'idle', t + 60_000);
      else signPledge(db, kiosk, sessionId, signature, t);
    }
    return t;
  };

  const oneStop = (t: number) => {
    const officer = pick(officers);
    const recent = riders.filter((r) => t - r.lastStop < 330 * DAY && t - r.lastStop > 20 * DAY);
    const rider = recent.length > 0 && rand() < 0.16 ? pick(recent) : newRider();
    if (rider.lastStop === 0) riders.push(rider);
    rider.lastStop = t;
    let stop = createStop(db, rider.input, officer, t, riderKey);
    counts.stops++;
    if (rand() < 0.01) {
      cancelStop(db, stop.id, '信息录入有误，已重新登记', officer, t + 3 * MIN);
      counts.cancelled++;
      return;
    }
    if (!stop.eligible && rand() < 0.05) stop = overrideEligibility(db, stop.id, '当事人确有特殊情况，经带班领导同意', officer, t + MIN);
    if (!stop.eligible && !stop.override_reason) {
      recordFine(db, stop.id, nextTicket(t), officer, t + 5 * MIN);
      counts.fined++;
      return;
    }
    const { session } = offerEducation(db, stop.id, kiosk, officer, t + MIN);
    const r = rand();
    if (r < 0.02) {
      walkAway(db, kiosk, session.id, 'idle', t + 2 * MIN);
    } else if (r < 0.17) {
      chooseOption(db, kiosk, session.id, 'fine', t + 90_000, rand);
      recordFine(db, stop.id, nextTicket(t), officer, t + 6 * MIN);
      counts.fined++;
      return;
    } else {
      chooseOption(db, kiosk, session.id, 'education', t + 90_000, rand);
      const end = educate(session.id, t + 100_000);
      if (loadSession(db, session.id)!.phase === 'done') {
        counts.completed++;
        return;
      }
      t = end;
    }
    // Walked away or failed the quiz: usually fined after all, sometimes gone before the officer could.
    if (rand() < 0.7) {
      recordFine(db, stop.id, nextTicket(t), officer, t + 3 * MIN);
      counts.fined++;
    } else counts.abandoned++;
  };

  for (const { year, month } of months) {
    db.transaction(() => {
      for (let d = 1; d <= daysInMonth(year, month); d++) {
        const dayStart = localToUtc(timeZone, year, month, d);
        if (dayStart > now) break;
        for (const t of timesOn(dayStart, stopsOn(year, month, d, rand), rand)) if (t + 30 * MIN < now) oneStop(t);
      }
    })();
    if (month === 12 || year === months.at(-1)!.year && month === months.at(-1)!.month) progress?.(year, { ...counts });
  }
  revokeKiosk(db, kiosk, 'demo-seed', now);
  return { ...counts, ms: Date.now() - started };
}
