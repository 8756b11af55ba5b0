import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { helmetStopFact } from '../../shared/contract/city-events';
import { cityRiderKeys, keyList } from '../../electron/core/helmet/city-keys';
import { riderKeys } from '../../electron/core/helmet/rider-keys';

const cityKey = randomBytes(32);
const ID = '37150219900101123X';

describe('city rider keys', () => {
  it('key the same rider alike however the booth typed it, and differ by kind and by city', () => {
    const a = cityRiderKeys(cityKey, { idNumber: '371502 19900101 123x', phone: '139-5555-4444', plate: '鲁p·e8801' });
    const b = cityRiderKeys(cityKey, { idNumber: ID, phone: '13955554444', plate: '鲁PE8801' });
    expect(a).toEqual(b);
    expect(new Set(keyList(a)).size).toBe(3);
    expect(cityRiderKeys(randomBytes(32), { idNumber: ID }).idKey).not.toBe(a.idKey);
  });

  it('are never the post’s own rider keys, so a post’s local hashes cannot be matched at the city', () => {
    const local = riderKeys(cityKey.subarray(0, 16), ID, '13955554444');
    const city = cityRiderKeys(cityKey, { idNumber: ID, phone: '13955554444' });
    expect(city.idKey).not.toBe(local.idHash);
    expect(city.phoneKey).not.toBe(local.phoneHash);
  });

  it('list the key a stop is matched on first: ID, else phone, else plate', () => {
    const k = cityRiderKeys(cityKey, { phone: '13955554444', plate: '鲁PE8801' });
    expect(keyList(k)).toEqual([k.phoneKey, k.plateKey]);
    expect(keyList(cityRiderKeys(cityKey, { plate: '鲁PE8801', idNumber: ID }))[0]).toBe(
      cityRiderKeys(cityKey, { idNumber: ID }).idKey,
    );
  });

  it('travel in the stop fact as hashes only; a fact from before them still parses', () => {
    const fact = {
      id: 1,
      vehicle: 'ebike',
      stoppedAt: 0,
      outcome: 'open',
      eligible: true,
      priorStops: 0,
      fineYuan: 20,
      closedAt: null,
      offered: 0,
      choseEducation: 0,
      watchedSeconds: 0,
      watchedSessions: 0,
      quizFirstTries: 0,
      quizFirstPasses: 0,
    };
    expect(helmetStopFact.safeParse(fact).success).toBe(true);
    expect(
      helmetStopFact.safeParse({
        ...fact,
        riderKeys: keyList(cityRiderKeys(cityKey, { idNumber: ID })),
        windowMonths: 12,
      }).success,
    ).toBe(true);
    expect(helmetStopFact.safeParse({ ...fact, riderKeys: [ID] }).success).toBe(false);
  });
});
