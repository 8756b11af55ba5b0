import { describe, expect, it } from 'vitest';
import {
  attendPrompt,
  countBeat,
  freshWatchState,
  isVideoComplete,
  MAX_BANK_SECONDS,
  type Beat,
  type WatchRules,
  type WatchState,
} from '../../electron/core/helmet/watch-counter';

const rules: WatchRules = { durationSec: 156, attentionEverySec: 600, rand: () => 0.5 };
const T0 = 1_750_000_000_000;

/** Feeds beats (at ms offsets from T0) and returns the final state with every verdict. */
function feed(beats: [atMs: number, position: number, state?: Beat['state']][], start: WatchState = freshWatchState(), r = rules) {
  let s = start;
  const verdicts: string[] = [];
  const rewinds: (number | null)[] = [];
  for (const [at, position, state = 'playing'] of beats) {
    const out = countBeat(s, { position, state }, T0 + at, r);
    s = out.next;
    verdicts.push(out.verdict);
    rewinds.push(out.rewindTo);
  }
  return { s, verdicts, rewinds };
}

/** An honest player: one beat a second, position advancing with the wall clock. */
const honest = (seconds: number, from = 0, startMs = 0): [number, number][] =>
  Array.from({ length: seconds + 1 }, (_, i) => [startMs + i * 1000, from + i]);

describe('watched seconds counted by the core', () => {
  it('counts an honest player second for second, after a baseline beat', () => {
    const { s, verdicts } = feed(honest(30));
    expect(verdicts[0]).toBe('baseline');
    expect(verdicts.slice(1).every((v) => v === 'counted')).toBe(true);
    expect(s.watched).toBeCloseTo(30, 6);
    expect(s.furthest).toBeCloseTo(30, 6);
  });

  it('ignores a jump ahead and tells the player to seek back', () => {
    const { s, verdicts, rewinds } = feed([...honest(10), [11_000, 100]]);
    expect(verdicts.at(-1)).toBe('jump');
    expect(rewinds.at(-1)).toBeCloseTo(10, 6);
    expect(s.watched).toBeCloseTo(10, 6);
  });

  it('never counts faster than the wall clock: a double-speed player earns real time only', () => {
    // Beats every second claiming two seconds of progress each.
    const fast = Array.from({ length: 61 }, (_, i) => [i * 1000, i * 2] as [number, number]);
    const { s, verdicts } = feed(fast);
    expect(s.watched).toBeLessThanOrEqual(60 + 1e-9);
    expect(verdicts).toContain('jump');
    // However the beats are spaced, total credit never exceeds the time elapsed since the baseline.
    const burst = Array.from({ length: 40 }, (_, i) => [i * 100, i * 0.5] as [number, number]);
    expect(feed(burst).s.watched).toBeLessThanOrEqual(3.9 + 1e-9);
  });

  it('ignores replays: seeking back and watching again earns nothing until past the furthest point', () => {
    const watched = feed(honest(20)).s;
    const { s, verdicts } = feed(honest(10, 5, 21_000), watched);
    expect(verdicts.slice(1).every((v) => v === 'replay')).toBe(true);
    expect(s.watched).toBeCloseTo(20, 6);
    // Resending the very same beat (a replayed packet) earns nothing either.
    const again = countBeat(s, { position: 15, state: 'playing' }, T0 + 31_000, rules);
    expect(again.credited).toBe(0);
  });

  it('cannot save up time: a long silence then a leap earns nothing', () => {
    const start = feed(honest(10)).s;
    // 100 s of silence, then a beat at +100 s of video: a baseline, not credit.
    const leap = countBeat(start, { position: 110, state: 'playing' }, T0 + 110_000, rules);
    expect(leap.verdict).toBe('baseline');
    expect(leap.next.watched).toBeCloseTo(10, 6);
    expect(leap.rewindTo).toBeCloseTo(10, 6);
    // Paused beats refill nothing: after a long pause the bucket holds at most its cap.
    const paused = feed([[11_000, 10, 'paused'], [60_000, 10, 'paused'], [61_000, 10], [62_000, 10 + MAX_BANK_SECONDS + 3]], start);
    expect(paused.verdicts.at(-1)).toBe('jump');
    expect(paused.s.watched).toBeCloseTo(10, 6);
  });

  it('a clock that runs backwards sets a baseline instead of counting', () => {
    const start = feed(honest(5)).s;
    const back = countBeat(start, { position: 6, state: 'playing' }, T0 + 1000, rules);
    expect(back.verdict).toBe('baseline');
    expect(back.credited).toBe(0);
  });

  it('completes only when the counted time reaches the end, whatever the kiosk claims', () => {
    const short: WatchRules = { durationSec: 6.1, attentionEverySec: 600, rand: () => 0.5 };
    const claim = countBeat(feed([[0, 0]], freshWatchState(), short).s, { position: 6.1, state: 'ended' }, T0 + 1000, short);
    expect(isVideoComplete(claim.next, 6.1)).toBe(false);
    const { s } = feed([[0, 0.3], [1000, 1.3], [2000, 2.3], [3000, 3.3], [4000, 4.3], [5000, 5.3], [6000, 6.1, 'ended'], [7000, 6.1, 'ended']], freshWatchState(), short);
    expect(isVideoComplete(s, 6.1)).toBe(true);
    expect(s.watched).toBeLessThanOrEqual(7);
  });
});

describe('attention prompts', () => {
  const prompting: WatchRules = { durationSec: 156, attentionEverySec: 20, rand: () => 0.5 };
  // rand 0.5 puts the first prompt at 20 × (0.4 + 0.4) = 16 s of counted video.

  it('issues a prompt at the drawn moment and clears it when 继续 is tapped in time', () => {
    const start = { ...freshWatchState(), nextPromptAt: 16 };
    const { s } = feed(honest(17), start, prompting);
    expect(s.promptAt).toBe(T0 + 16_000);
    expect(s.promptsShown).toBe(1);
    const tapped = attendPrompt(s, T0 + 25_000, prompting);
    expect(tapped.verdict).toBe('attended');
    expect(tapped.next.promptAt).toBeNull();
    expect(tapped.next.nextPromptAt).toBeGreaterThan(s.watched);
  });

  it('takes back the stretch since the prompt when nobody taps within 15 s', () => {
    const start = { ...freshWatchState(), nextPromptAt: 16 };
    const { s, verdicts, rewinds } = feed(honest(32), start, prompting);
    expect(verdicts.at(-1)).toBe('promptMissed');
    expect(rewinds.at(-1)).toBeCloseTo(16, 6);
    expect(s.watched).toBeCloseTo(16, 6);
    expect(s.promptsMissed).toBe(1);
    expect(s.pausedSince).toBe(T0 + 32_000);
    // A tap that comes too late counts as missed as well.
    const late = feed(honest(17), start, prompting).s;
    expect(attendPrompt(late, T0 + 16_000 + 15_001, prompting).verdict).toBe('missed');
  });

  it('never completes while a prompt waits', () => {
    const pending = { ...freshWatchState(), furthest: 156, watched: 156, promptAt: T0 };
    expect(isVideoComplete(pending, 156)).toBe(false);
  });
});
