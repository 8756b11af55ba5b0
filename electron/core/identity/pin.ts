import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// N = 2^15 costs ~50 ms and 32 MiB per hash on the booth PC: slow for a guesser, fine for a login.
const N = 32768;
const r = 8;
const p = 1;
const KEYLEN = 32;
const maxmem = 64 * 1024 * 1024;

const derive = (pin: string, salt: Buffer, n: number, rr: number, pp: number) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(pin, salt, KEYLEN, { N: n, r: rr, p: pp, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, N, r, p);
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [kind, n, rr, pp, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !n || !rr || !pp || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(pin, Buffer.from(salt, 'base64'), Number(n), Number(rr), Number(pp));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of nothing, verified against when the badge is unknown so timing does not reveal badges. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPin(randomBytes(12).toString('hex')));
