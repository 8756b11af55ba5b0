import { createHmac } from 'node:crypto';
import { normalizeIdNumber, normalizePhone, normalizePlate } from '../../../shared/domain/helmet';
import { appendFact, helmetStopSnapshot } from '../city/outbox';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';

/**
 * A rider's keys for the city-wide first-offence check: HMAC-SHA256 with the city key handed out at
 * enrolment, so the same ID number, phone or plate gives the same key at every post. Only these
 * hashes leave the post. They are not anonymous to the city itself: it holds the key, and an ID
 * number or a phone has too little entropy for any keyed hash to hide it from a key holder — the
 * city must be trusted like each post is with its own rider key.
 */
export interface CityRiderKeys {
  idKey: string | null;
  phoneKey: string | null;
  plateKey: string | null;
}

const mac = (cityKey: Buffer, kind: 'id' | 'phone' | 'plate', value: string) =>
  createHmac('sha256', cityKey).update(`${kind}:${value}`).digest('hex');

export function cityRiderKeys(
  cityKey: Buffer,
  rider: { idNumber?: string | undefined; phone?: string | undefined; plate?: string | undefined },
): CityRiderKeys {
  return {
    idKey: rider.idNumber ? mac(cityKey, 'id', normalizeIdNumber(rider.idNumber)) : null,
    phoneKey: rider.phone ? mac(cityKey, 'phone', normalizePhone(rider.phone)) : null,
    plateKey: rider.plate ? mac(cityKey, 'plate', normalizePlate(rider.plate)) : null,
  };
}

/** In the posts' matching order (ID, else phone, else plate): the first is the one a stop is matched on. */
export const keyList = (k: CityRiderKeys): string[] =>
  [k.idKey, k.phoneKey, k.plateKey].filter((x): x is string => x !== null);

/** What the city said when the stop was opened. */
export interface CityVerdict {
  /** Null when the post's link carries no city key (enrolled before keys were handed out). */
  keys: CityRiderKeys | null;
  /** Earlier stops the city found at other posts (0 when it was not reached). */
  priorStops: number;
  /** True: the city answered; false: it could not be asked in time (未经全市核验). */
  checked: boolean;
}

/** Called in createStop's transaction, before its audit entry, so the stop's first fact carries the keys. */
export function saveCityKeys(db: Db, stopId: number, verdict: CityVerdict): void {
  stmt(
    db,
    'INSERT INTO helmet_city_keys (stop_id, id_key, phone_key, plate_key, city_checked, city_prior_stops) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    stopId,
    verdict.keys?.idKey ?? null,
    verdict.keys?.phoneKey ?? null,
    verdict.keys?.plateKey ?? null,
    verdict.checked ? 1 : 0,
    verdict.priorStops,
  );
}

export interface StoredCityKeys {
  riderKeys: string[];
  cityChecked: boolean | null;
  cityPriorStops: number;
}

/** A stop's stored city keys and check; undefined for a stop opened before the post had a city key. */
export function storedCityKeys(db: Db, stopId: number): StoredCityKeys | undefined {
  const r = stmt<{
    id_key: string | null;
    phone_key: string | null;
    plate_key: string | null;
    city_checked: number | null;
    city_prior_stops: number;
  }>(
    db,
    'SELECT id_key, phone_key, plate_key, city_checked, city_prior_stops FROM helmet_city_keys WHERE stop_id = ?',
  ).get(stopId);
  if (!r) return undefined;
  return {
    riderKeys: keyList({ idKey: r.id_key, phoneKey: r.phone_key, plateKey: r.plate_key }),
    cityChecked: r.city_checked === null ? null : r.city_checked === 1,
    cityPriorStops: r.city_prior_stops,
  };
}

/**
 * At enrolment, this post's history is keyed with the city key so stops made before it count at
 * other posts too. Only plates can be: they are kept in clear at the post. An ID number or a phone
 * is kept only as an HMAC with this install's own rider key, which cannot be turned into the city's
 * — so a stop that named its rider by ID or phone alone is not known to the city, and one with a
 * plate is known by its plate only. Each re-keyed stop's fact is appended again, with its keys.
 * Call inside the enrolment's transaction; it is audited with the enrolment (`rekeyedStops`).
 */
export function rekeyHistory(db: Db, cityKey: Buffer, now: number): number {
  const stops = stmt<{ id: number; plate: string }>(
    db,
    `SELECT s.id, s.plate FROM helmet_stops s LEFT JOIN helmet_city_keys k ON k.stop_id = s.id
     WHERE s.plate IS NOT NULL AND k.stop_id IS NULL ORDER BY s.id`,
  ).all();
  const insert = stmt(db, 'INSERT INTO helmet_city_keys (stop_id, plate_key) VALUES (?, ?)');
  for (const s of stops) {
    insert.run(s.id, cityRiderKeys(cityKey, { plate: s.plate }).plateKey);
    const fact = helmetStopSnapshot(db, s.id);
    if (fact) appendFact(db, 'helmetStop', fact, now);
  }
  return stops.length;
}
