import { seededRandom } from '../../electron/core/demo/seeded-random';
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
  const next = seededRandom(seed);
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
