import Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { idCheckChar } from '../../shared/domain/helmet';

/** A rider as the test entered them, and what the database should let nobody recover. */
export interface Rider {
  plate: string;
  phone: string;
  idNumber?: string;
}

/** One prefecture, births 1980–1999: the narrow space an attacker who knows the post would try. */
export const ID_AREA = '371502';
const ID_YEARS = [1980, 1999] as const;

export function makeRiders(count: number, int: (n: number) => number): Rider[] {
  const riders: Rider[] = [];
  for (let i = 0; i < count; i++) {
    const phone = `1${3 + int(7)}${String(int(1e9)).padStart(9, '0')}`;
    const birth = new Date(Date.UTC(ID_YEARS[0] + int(ID_YEARS[1] - ID_YEARS[0] + 1), 0, 1 + int(365)));
    const first17 = `${ID_AREA}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(int(1000)).padStart(3, '0')}`;
    riders.push({
      plate: `鲁P${String(10000 + i)}`,
      phone,
      ...(i % 5 === 0 ? { idNumber: first17 + idCheckChar(first17) } : {}),
    });
  }
  return riders;
}

interface StoredRider {
  id_hash: string | null;
  id_last4: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
}

/** Every 32-byte hex value in `settings`: where the key lived before it left the database. */
export function keysInSettings(file: string): Buffer[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT value FROM settings').all() as { value: string }[])
      .filter((r) => /^[0-9a-f]{64}$/i.test(r.value))
      .map((r) => Buffer.from(r.value, 'hex'));
  } finally {
    db.close();
  }
}

function storedRiders(file: string): StoredRider[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT id_hash, id_last4, phone_hash, phone_masked FROM helmet_stops WHERE phone_hash IS NOT NULL')
      .all() as StoredRider[];
  } finally {
    db.close();
  }
}

const mac = (key: Buffer, kind: string, value: string) =>
  createHmac('sha256', key).update(`${kind}:${value}`).digest('hex');

/** 139****5678 → the 10,000 phones it could be. */
function* phonesFor(masked: string) {
  for (let middle = 0; middle < 10_000; middle++) yield masked.replace('****', String(middle).padStart(4, '0'));
}

/** Last four digits known: every birth date in the window at the one prefecture. */
function* idsFor(last4: string) {
  const day = Date.UTC(ID_YEARS[0], 0, 1);
  for (let t = day; t < Date.UTC(ID_YEARS[1] + 1, 0, 1); t += 86_400_000) {
    const first17 = `${ID_AREA}${new Date(t).toISOString().slice(0, 10).replaceAll('-', '')}${last4.slice(0, 3)}`;
    if (idCheckChar(first17) === last4[3]) yield first17 + last4[3];
  }
}

const first = <T>(candidates: Iterable<T>, hit: (c: T) => boolean): T | undefined => {
  for (const c of candidates) if (hit(c)) return c;
  return undefined;
};

/**
 * The attack from the finding: take whatever key the files hold, then walk the small space the
 * stored last four and masked phone leave. Counts the phones and ID numbers that came back.
 */
export function bruteForce(files: string[]) {
  const keys = files.filter(existsSync).flatMap(keysInSettings);
  const riders = storedRiders(files[0]!);
  const tally = { riders: riders.length, keys: keys.length, phones: 0, ids: 0, recovered: 0, hmacs: 0 };
  for (const r of riders) {
    let phone: string | undefined;
    let id: string | undefined;
    for (const key of keys) {
      const tries =
        <T extends string>(kind: string, hash: string | null) =>
        (c: T) => (tally.hmacs++, mac(key, kind, c) === hash);
      phone ??= first(phonesFor(r.phone_masked!), tries('phone', r.phone_hash));
      if (r.id_hash && r.id_last4) id ??= first(idsFor(r.id_last4), tries('id', r.id_hash));
    }
    if (phone) tally.phones++;
    if (id) tally.ids++;
    if (phone || id) tally.recovered++;
  }
  return tally;
}

/** Where the key's bytes appear in a file, as raw bytes, hex (either case) or base64. */
export function keyBytesIn(file: string, key: Buffer): number {
  if (!existsSync(file)) return 0;
  const bytes = readFileSync(file);
  const forms = [
    key,
    Buffer.from(key.toString('hex')),
    Buffer.from(key.toString('hex').toUpperCase()),
    Buffer.from(key.toString('base64')),
  ];
  return forms.reduce((n, form) => n + (bytes.indexOf(form) >= 0 ? 1 : 0), 0);
}
