import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../electron/core/identity/pin';
import { TokenBucket } from '../../electron/core/socket/rate-limit';

describe('PIN hashing', () => {
  it('is salted scrypt that verifies the right PIN only', async () => {
    const a = await hashPin('246810');
    const b = await hashPin('246810');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPin('246810', a)).toBe(true);
    expect(await verifyPin('246811', a)).toBe(false);
    expect(await verifyPin('246810', 'plain$text')).toBe(false);
  });

  it('takes real time per guess (slow hash)', async () => {
    const h = await hashPin('246810');
    const t0 = performance.now();
    await verifyPin('000000', h);
    expect(performance.now() - t0).toBeGreaterThan(10);
  });
});

describe('token bucket', () => {
  it('allows the burst, then refills at its rate', () => {
    const b = new TokenBucket(3, 1 / 1000, 0);
    expect([b.take(0), b.take(0), b.take(0), b.take(0)]).toEqual([true, true, true, false]);
    expect(b.take(999)).toBe(false);
    expect(b.take(1001)).toBe(true);
  });
});
