/**
 * The fault suite runs at full size under `npm run test:faults` and as a CI-sized subset inside
 * `npm test`. Every test prints its figure through `figure()`.
 */
export const full = process.env.GREENPOST_FAULTS === 'full';
export const scale = (fullCount: number, ciCount: number) => (full ? fullCount : ciCount);

export function figure(id: string, text: string) {
  process.stdout.write(`[${id}] ${text}${full ? '' : ' (CI subset)'}\n`);
}

/** Deterministic PRNG (mulberry32) so a failing fault run can be replayed with its seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
