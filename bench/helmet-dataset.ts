// Synthetic helmet stops (头盔查处) for the report benchmarks, at the current schema: each stop with its
// eligibility and outcome, and for the stops offered education a kiosk session and its quiz attempts.
// Written with batched prepared INSERTs in large transactions. The since-opening counters
// ('helmet.stops', 'helmet.completed') are kept by migration 004's triggers as the rows go in.
import { createHash } from 'node:crypto';
import type { Db } from '../electron/core/db/open';
import { retentionCutoff } from '../electron/core/data-care/retention';
import { registerKiosk } from '../electron/core/kiosk/pairing';
import { seededRandom } from '../electron/core/demo/seeded-random';

export interface HelmetDatasetSize {
  stops: number;
  years: number;
  now: number;
  seed?: number;
  officerIds: number[];
}

const MIN = 60_000;
const MONTH = 30.44 * 24 * 60 * MIN;
const BATCH = 20_000;
const PLACES = ['院前路口', '急诊入口', '南门岗', '北辅路'];
const FINE_FIRST = 20;
const FINE_REPEAT = 50;
/** As retention leaves them: stops older than this many years have had their personal fields wiped. */
const RETENTION_YEARS = 3;

/** A video and a kiosk for the sessions' foreign keys: the shipped ones when seeded, else one of each. */
function sessionRefs(db: Db, now: number): { videoId: string; durationSeconds: number; kioskId: number } {
  let video = db.prepare('SELECT id, duration_seconds AS d FROM videos ORDER BY id LIMIT 1').get() as
    | { id: string; d: number }
    | undefined;
  if (!video) {
    db.prepare(
      `INSERT INTO videos (id, title, file, duration_seconds, audience, added_at) VALUES ('bench-video', '头盔救命', 'bench.mp4', 180, 'any', ?)`,
    ).run(now);
    video = { id: 'bench-video', d: 180 };
  }
  const kiosk = db.prepare('SELECT id FROM kiosks ORDER BY id LIMIT 1').pluck().get() as number | undefined;
  const kioskId = kiosk ?? registerKiosk(db, '教育屏 1', null, 'system', now).row.id;
  return { videoId: video.id, durationSeconds: video.d, kioskId };
}

/** A stand-in for the keyed hash: 64 hex digits, deterministic per rider, never derived from a real ID. */
const riderHash = (kind: string, rider: number) => createHash('sha256').update(`${kind}:${rider}`).digest('hex');

export function generateHelmetStops(db: Db, size: HelmetDatasetSize): { sessions: number; attempts: number } {
  const rand = seededRandom(size.seed ?? 7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const start = size.now - size.years * 365.25 * 24 * 60 * MIN;
  const wipedBefore = retentionCutoff(size.now, RETENTION_YEARS, 'Asia/Shanghai');
  const refs = sessionRefs(db, size.now);
  const times = new Float64Array(size.stops);
  for (let i = 0; i < size.stops; i++) times[i] = Math.floor(start + rand() * (size.now - start));
  times.sort();

  // About one rider in five is stopped again: a pool smaller than the stops, with a bias to a few regulars.
  const riders = Math.max(1, Math.floor(size.stops * 0.8));
  const lastSeen = new Float64Array(riders);
  const seen = new Uint16Array(riders);

  const stop = db.prepare(
    `INSERT INTO helmet_stops (vehicle, plate, place, rider_name, id_hash, id_last4, phone_hash, phone_masked, stopped_at,
       officer_id, prior_stops, window_months, eligible, outcome, fine_yuan, ticket_no, cancel_reason, closed_at,
       updated_at, version, personal_wiped_at)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, 12, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const session = db.prepare(
    `INSERT INTO education_sessions (stop_id, kiosk_id, video_id, duration_seconds, phase, offered_at, offered_by,
       chosen_at, watched_seconds, furthest_seconds, heartbeats, video_started_at, video_completed_at, quiz_attempts,
       quiz_score, pledge_signed_at, completed_at, ended_at, end_reason, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const attempt = db.prepare(
    `INSERT INTO quiz_attempts (session_id, attempt, question_ids, answers, correct, total, passed, at)
     VALUES (?, ?, '["q1","q2","q3","q4","q5"]', '[0,1,2,0,1]', ?, 5, ?, ?)`,
  );
  let sessions = 0;
  let attempts = 0;
  const video = refs.durationSeconds;

  for (let from = 0; from < size.stops; from += BATCH) {
    db.transaction(() => {
      for (let i = from; i < Math.min(size.stops, from + BATCH); i++) {
        const at = times[i]!;
        const rider = rand() < 0.1 ? Math.floor(rand() * 2000) % riders : Math.floor(rand() * riders);
        const prior = lastSeen[rider]! > 0 && at - lastSeen[rider]! < 12 * MONTH ? seen[rider]! : 0;
        seen[rider] = Math.min(seen[rider]! + 1, 60_000);
        lastSeen[rider] = at;
        const eligible = prior === 0 ? 1 : 0;
        const officer = pick(size.officerIds);
        const vehicle = rand() < 0.86 ? 'ebike' : 'motorcycle';
        const wiped = at < wipedBefore;
        const hasPlate = vehicle === 'motorcycle' || rand() < 0.6;
        const plate = hasPlate
          ? `鲁P${String.fromCharCode(65 + (rider % 26))}${String(rider % 100000).padStart(5, '0')}`
          : null;
        const hasPhone = rand() < 0.7;
        const last4 = String(rider % 10000).padStart(4, '0');

        // The stop's fate: cancelled (撤销) now and then, the newest few still open, else fined or educated.
        let outcome: string;
        let offered = false;
        const roll = rand();
        if (roll < 0.02) outcome = 'cancelled';
        else if (size.now - at < 30 * MIN) outcome = 'open';
        else if (eligible && roll < 0.9) {
          offered = true;
          outcome = 'education'; // settled by the session below
        } else outcome = 'fined';

        let phase = '';
        let chosenAt: number | null = null;
        let watched = 0;
        let quizTries = 0;
        let passedOn = 0;
        const offeredAt = at + Math.round((1 + rand() * 3) * MIN);
        if (offered) {
          const choice = rand();
          if (choice < 0.1) {
            phase = 'fine'; // the rider chose the fine on the kiosk
            chosenAt = offeredAt + 20_000;
            outcome = 'fined';
          } else if (choice < 0.14) {
            phase = 'abandoned'; // walked off before choosing
            outcome = 'abandoned';
          } else {
            chosenAt = offeredAt + Math.round(10_000 + rand() * 40_000);
            if (rand() < 0.05) {
              phase = 'abandoned';
              outcome = 'abandoned';
              watched = Math.round(rand() * video * 10) / 10;
            } else {
              watched = video;
              quizTries = 1;
              if (rand() < 0.85) passedOn = 1;
              else if (((quizTries = 2), rand() < 0.8)) passedOn = 2;
              phase = passedOn ? 'done' : 'failed';
              outcome = passedOn ? 'completed' : 'fined';
            }
          }
        }
        const closedAt =
          outcome === 'open' ? null : offered ? offeredAt + Math.round((watched + 120) * 1000) : at + Math.round((2 + rand() * 6) * MIN);
        const fined = outcome === 'fined';
        const stopId = stop.run(
          vehicle,
          plate,
          pick(PLACES),
          wiped ? null : riderHash('id', rider),
          wiped ? null : rider % 11 === 0 ? `${last4.slice(0, 3)}X` : last4,
          wiped || !hasPhone ? null : riderHash('phone', rider),
          wiped || !hasPhone ? null : `1${38 + (rider % 3)}****${last4}`,
          at,
          officer,
          prior,
          eligible,
          outcome,
          eligible ? FINE_FIRST : FINE_REPEAT,
          fined ? `3702${String(i).padStart(10, '0')}` : null,
          outcome === 'cancelled' ? '录入有误' : null,
          closedAt,
          closedAt ?? at,
          offered ? 3 : 2,
          wiped ? Math.min(size.now, at + RETENTION_YEARS * 12 * MONTH + 24 * 60 * MIN) : null,
        ).lastInsertRowid;
        if (!offered) continue;

        const videoStart = chosenAt !== null && phase !== 'fine' ? chosenAt + 2_000 : null;
        const videoDone = watched >= video && videoStart !== null ? videoStart + video * 1000 : null;
        const sessionId = session.run(
          stopId,
          refs.kioskId,
          refs.videoId,
          video,
          phase,
          offeredAt,
          officer,
          chosenAt,
          watched,
          watched,
          Math.floor(watched / 5),
          videoStart,
          videoDone,
          quizTries,
          quizTries ? (passedOn === quizTries ? 100 : 60) : null,
          phase === 'done' ? closedAt! - 5_000 : null,
          phase === 'done' ? closedAt : null,
          closedAt,
          phase === 'abandoned' ? 'idle' : phase === 'failed' ? 'quizFailed' : null,
          closedAt!,
        ).lastInsertRowid;
        sessions++;
        for (let n = 1; n <= quizTries; n++) {
          const passed = passedOn === n ? 1 : 0;
          attempt.run(sessionId, n, passed ? 5 : 3, passed, videoDone! + n * 60_000);
          attempts++;
        }
      }
    })();
  }
  return { sessions, attempts };
}
