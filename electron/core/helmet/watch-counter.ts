import { ATTENTION_TIMEOUT_SECONDS } from '../../../shared/domain/helmet';

/**
 * Counts watched seconds from kiosk heartbeats. The kiosk only says where its player is and whether
 * it plays; the core decides what that is worth, by its own clock:
 *  - credit never outruns wall-clock time: a token bucket fills with the real time between beats
 *    (capped, so a silent kiosk cannot save up a jump) and each counted second is taken from it;
 *  - a position far ahead of what the bucket allows is a jump and earns nothing (the kiosk is told
 *    to seek back); a position at or behind the furthest counted point is a replay and earns nothing;
 *  - after a silence (disconnect, reload, core restart) the next beat only sets a baseline.
 * Attention prompts are issued here too, so a rider who does not tap 继续 in time loses the stretch.
 * Pure: the DB glue is video-progress.ts; the unit tests forge heartbeats against this.
 */

export interface WatchState {
  watched: number;
  furthest: number;
  bank: number;
  lastBeatAt: number | null;
  pausedSince: number | null;
  promptAt: number | null;
  promptWatched: number | null;
  promptFurthest: number | null;
  nextPromptAt: number | null;
  promptsShown: number;
  promptsMissed: number;
}

export interface Beat {
  position: number;
  state: 'playing' | 'paused' | 'ended';
}

export interface WatchRules {
  durationSec: number;
  /** About how many seconds of video between attention prompts. */
  attentionEverySec: number;
  rand: () => number;
}

/** Seconds a beat may run ahead of the bucket (network jitter) before it counts as a jump. */
export const JUMP_TOLERANCE_SECONDS = 2;
/**
 * The bucket's cap: the most wall-clock time one beat can spend. The kiosk beats every second; a few
 * seconds of slack absorb a slow network without letting a silent kiosk save up a jump.
 */
export const MAX_BANK_SECONDS = 5;
/** Longer than this without a beat is a silence: the next beat is a baseline. */
export const MAX_SILENCE_MS = 10_000;
/** The last second or so of a video may be cut by the player; this much short of the end completes. */
export const COMPLETION_SLACK_SECONDS = 1;
/** No prompt this close to the end, so a prompt can never hold back completion. */
export const PROMPT_QUIET_END_SECONDS = 20;

export type BeatVerdict = 'baseline' | 'counted' | 'clamped' | 'jump' | 'replay' | 'paused' | 'promptMissed';

export interface BeatResult {
  next: WatchState;
  credited: number;
  verdict: BeatVerdict;
  /** Where the player must go back to, when it is ahead of what was counted. */
  rewindTo: number | null;
}

export const freshWatchState = (): WatchState => ({
  watched: 0,
  furthest: 0,
  bank: 0,
  lastBeatAt: null,
  pausedSince: null,
  promptAt: null,
  promptWatched: null,
  promptFurthest: null,
  nextPromptAt: null,
  promptsShown: 0,
  promptsMissed: 0,
});

/** The watched-seconds mark of the next prompt: somewhere between half and one and a half intervals on. */
export const nextPromptMark = (watched: number, rules: WatchRules, first = false) =>
  watched + rules.attentionEverySec * (first ? 0.4 + 0.8 * rules.rand() : 0.5 + rules.rand());

export const promptExpired = (s: WatchState, now: number) =>
  s.promptAt !== null && now - s.promptAt > ATTENTION_TIMEOUT_SECONDS * 1000;

/** A prompt left unanswered: the stretch since it appeared is taken back and the player must rewind. */
export function missPrompt(s: WatchState, now: number, rules: WatchRules): WatchState {
  const watched = s.promptWatched ?? s.watched;
  return {
    ...s,
    watched,
    furthest: s.promptFurthest ?? s.furthest,
    bank: 0,
    pausedSince: now,
    promptAt: null,
    promptWatched: null,
    promptFurthest: null,
    promptsMissed: s.promptsMissed + 1,
    nextPromptAt: nextPromptMark(watched, rules),
  };
}

/** The rider tapped 继续: in time, the prompt clears; too late, it counts as missed. */
export function attendPrompt(
  s: WatchState,
  now: number,
  rules: WatchRules,
): { next: WatchState; verdict: 'attended' | 'missed' | 'none' } {
  if (s.promptAt === null) return { next: s, verdict: 'none' };
  if (promptExpired(s, now)) return { next: missPrompt(s, now, rules), verdict: 'missed' };
  return {
    next: { ...s, promptAt: null, promptWatched: null, promptFurthest: null, nextPromptAt: nextPromptMark(s.watched, rules) },
    verdict: 'attended',
  };
}

export const isVideoComplete = (s: WatchState, durationSec: number) =>
  s.promptAt === null && s.furthest >= durationSec - COMPLETION_SLACK_SECONDS;

function maybePrompt(s: WatchState, now: number, rules: WatchRules): WatchState {
  if (s.promptAt !== null || s.nextPromptAt === null || s.watched < s.nextPromptAt) return s;
  if (rules.durationSec - s.watched <= PROMPT_QUIET_END_SECONDS) return s;
  return { ...s, promptAt: now, promptWatched: s.watched, promptFurthest: s.furthest, promptsShown: s.promptsShown + 1 };
}

export function countBeat(s: WatchState, beat: Beat, now: number, rules: WatchRules): BeatResult {
  if (promptExpired(s, now)) {
    const next = { ...missPrompt(s, now, rules), lastBeatAt: now };
    return { next, credited: 0, verdict: 'promptMissed', rewindTo: next.furthest };
  }
  const position = Math.min(Math.max(beat.position, 0), rules.durationSec);
  const ahead = position > s.furthest + JUMP_TOLERANCE_SECONDS ? s.furthest : null;
  if (beat.state === 'paused') {
    const next = { ...s, bank: 0, lastBeatAt: now, pausedSince: s.pausedSince ?? now };
    return { next, credited: 0, verdict: 'paused', rewindTo: ahead };
  }
  const base = { ...s, pausedSince: null };
  if (s.lastBeatAt === null || now - s.lastBeatAt > MAX_SILENCE_MS || now < s.lastBeatAt) {
    return { next: { ...base, bank: 0, lastBeatAt: now }, credited: 0, verdict: 'baseline', rewindTo: ahead };
  }
  const bank = Math.min(s.bank + (now - s.lastBeatAt) / 1000, MAX_BANK_SECONDS);
  const advance = position - s.furthest;
  if (advance <= 0) {
    return { next: { ...base, bank, lastBeatAt: now }, credited: 0, verdict: 'replay', rewindTo: null };
  }
  if (advance > bank + JUMP_TOLERANCE_SECONDS) {
    // A jump spends the bucket: it must not be retried in small steps on saved-up time.
    return { next: { ...base, bank: 0, lastBeatAt: now }, credited: 0, verdict: 'jump', rewindTo: s.furthest };
  }
  const credited = Math.min(advance, bank);
  const counted: WatchState = {
    ...base,
    watched: s.watched + credited,
    furthest: s.furthest + credited,
    bank: bank - credited,
    lastBeatAt: now,
  };
  return {
    next: maybePrompt(counted, now, rules),
    credited,
    verdict: credited < advance ? 'clamped' : 'counted',
    rewindTo: null,
  };
}
