/**
 * Short tones made in the page with Web Audio: no sound files to ship and nothing fetched. A browser
 * keeps audio suspended until the page has been clicked or tapped; `audioBlocked` tells a screen to ask.
 */
export type Tone = 'overdue' | 'incoming';

const notes: Record<Tone, Array<[frequency: number, startS: number, lengthS: number]>> = {
  // One low double beep: something is late.
  overdue: [
    [660, 0, 0.18],
    [660, 0.26, 0.18],
  ],
  // A rising three-note chime: something new is coming.
  incoming: [
    [784, 0, 0.16],
    [988, 0.18, 0.16],
    [1319, 0.36, 0.3],
  ],
};

let context: AudioContext | undefined;
const audio = () => (context ??= new AudioContext());

/** True while the browser has not let this page play sound yet (no click or tap so far). */
export const audioBlocked = () => audio().state !== 'running';

/** Call from a click or tap handler: lets the page play sound from then on. */
export const unlockAudio = () => audio().resume();

/** Plays the tone if the page may; returns whether it did. */
export function playTone(tone: Tone): boolean {
  const ctx = audio();
  if (ctx.state !== 'running') {
    void ctx.resume().catch(() => undefined);
    return false;
  }
  const t0 = ctx.currentTime + 0.02;
  for (const [frequency, start, length] of notes[tone]) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, t0 + start);
    gain.gain.exponentialRampToValueAtTime(0.4, t0 + start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + start + length);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0 + start);
    osc.stop(t0 + start + length + 0.05);
  }
  return true;
}
