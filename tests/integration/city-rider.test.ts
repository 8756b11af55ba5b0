import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CityRiderReport } from '../../shared/contract/index';
import { loadLink, saveLink } from '../../electron/core/city/link-file';
import { startCityDb, type CityDb } from '../helpers/city-pg';
import { cityDump, enrolledPost, linkIs, shippedStop, until, waiver, type EnrolledPost } from '../helpers/city-posts';
import { validId } from '../helpers/helmet';
import {
  expectOk,
  officerClient,
  startTestCore,
  tempDataDir,
  type TestClient,
  type TestCore,
} from '../helpers/test-core';

// A city core on a throwaway PostgreSQL and two posts enrolled with it; the same rider is stopped at both.
let db: CityDb;
let city: TestCore;
let cityAdmin: TestClient;
let a: EnrolledPost;
let b: EnrolledPost;

const ID = validId('37150219900101123');
const PHONE = '13955554444';
const PLATE = '鲁PE8801';
/** A rider stopped at B before B enrolled, known there by plate only. */
const OLD_PLATE = '鲁PE7702';

const cityKeysRow = (post: EnrolledPost, stopId: number) => {
  const file = new Database(join(post.core.dataDir, 'greenpost.db'), { readonly: true, fileMustExist: true });
  try {
    return file.prepare('SELECT * FROM helmet_city_keys WHERE stop_id = ?').get(stopId) as
      | {
          id_key: string | null;
          phone_key: string | null;
          plate_key: string | null;
          city_checked: number | null;
          city_prior_stops: number;
        }
      | undefined;
  } finally {
    file.close();
  }
};

beforeAll(async () => {
  db = await startCityDb();
  city = await startTestCore({ demo: true, pgUrl: db.cluster.url });
  cityAdmin = await officerClient(city.url, '900001', '123456');
  a = await enrolledPost(city, cityAdmin, '市医院岗');
  b = await enrolledPost(city, cityAdmin, '人民医院岗', {
    before: async (admin) => {
      const stop = expectOk(await admin.send('helmet:create', { vehicle: 'ebike', plate: OLD_PLATE }));
      expect(stop).toMatchObject({ eligible: true, cityChecked: null });
    },
  });
}, 180_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  cityAdmin?.close();
  await city?.dispose();
  await db?.dispose();
});

describe('the city-wide first-offence check', () => {
  test('enrolment hands both posts the same city key, kept in the owner-only link file', () => {
    const [ka, kb] = [loadLink(a.core.dataDir)!.cityKey, loadLink(b.core.dataDir)!.cityKey];
    expect(ka).toMatch(/^[0-9a-f]{64}$/);
    expect(kb).toBe(ka);
  });

  test('a post enrolled later re-keyed its history by plate: the city knows the old stop', async () => {
    const { rows } = await db.pool.query('SELECT stop_id FROM city_rider_keys WHERE post_id = $1', [b.postId]);
    expect(rows).toHaveLength(1);
    const atA = expectOk(await a.admin.send('helmet:create', { vehicle: 'ebike', plate: OLD_PLATE }));
    expect(atA).toMatchObject({ eligible: false, priorStops: 1, cityPriorStops: 1, cityChecked: true });
    expectOk(await a.admin.send('helmet:cancel', { stopId: atA.id, reason: '测试：换岗位核验' }));
  });

  test('online: a waiver at A ships, and the same rider at B is refused education (counted by the city)', async () => {
    const first = await waiver(a, { vehicle: 'ebike', plate: PLATE, idNumber: ID, phone: PHONE, riderName: '张测试' });
    expect(first).toMatchObject({ eligible: true, outcome: 'education', cityChecked: true, cityPriorStops: 0 });
    await shippedStop(db, a.postId, first.id, 'education');

    // Same ID, another e-bike: the ID decides, as at one post.
    const second = expectOk(await b.admin.send('helmet:create', { vehicle: 'ebike', plate: '鲁PE9999', idNumber: ID }));
    expect(second).toMatchObject({
      eligible: false,
      educationAllowed: false,
      priorStops: 1,
      cityPriorStops: 1,
      cityChecked: true,
    });
    expect(cityKeysRow(b, second.id)).toMatchObject({ city_checked: 1, city_prior_stops: 1 });
    // The same ID keys alike at both posts; the local rider keys (install-specific) do not leave the post.
    expect(cityKeysRow(b, second.id)!.id_key).toBe(cityKeysRow(a, first.id)!.id_key);
    const refused = await b.admin.send('helmet:offer', { stopId: second.id });
    expect(refused.ok).toBe(false);
    expectOk(await b.admin.send('helmet:cancel', { stopId: second.id, reason: '测试：已核验为再次违法' }));
  });

  test('offline: B decides locally and marks the stop; once it ships, both chiefs get the report', async () => {
    const port = Number(new URL(city.url).port);
    await city.close();
    await linkIs(b.admin, (s) => s.enrolled && s.status === 'offline');
    const started = Date.now();
    const local = await waiver(b, { vehicle: 'ebike', plate: PLATE, phone: PHONE, idNumber: ID });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(local).toMatchObject({ eligible: true, outcome: 'education', cityChecked: false, cityPriorStops: 0 });
    expect(cityKeysRow(b, local.id)).toMatchObject({ city_checked: 0 });

    const toA = a.chief.next('helmet:cityReports', 60_000);
    const toB = b.chief.next('helmet:cityReports', 60_000);
    city = await startTestCore({ dataDir: city.dataDir, port, pgUrl: db.cluster.url });
    b.core.core.shipper?.nudge();
    a.core.core.shipper?.nudge();
    const [[reportA], [reportB]] = (await Promise.all([toA, toB])) as [[CityRiderReport[]], [CityRiderReport[]]];
    expect(reportB).toEqual([
      expect.objectContaining({ stopId: local.id, plate: PLATE, otherPostName: '市医院岗', otherOutcome: 'education' }),
    ]);
    expect(reportA).toEqual([
      expect.objectContaining({ otherPostName: '人民医院岗', otherOutcome: 'education', plate: PLATE }),
    ]);
    expect(reportA![0]!.reportId).toBe(reportB![0]!.reportId);

    // Kept at the post for chiefs, refused to an officer; the city stores the pair once.
    expect(expectOk(await b.chief.send('helmet:cityReports', {}))).toHaveLength(1);
    const officer = await officerClient(b.core.url, '900003', '123456');
    const denied = await officer.send('helmet:cityReports', {});
    officer.close();
    expect(denied.ok).toBe(false);
    expect((await db.pool.query('SELECT * FROM city_rider_reports')).rows).toHaveLength(1);
  }, 120_000);

  test('an officer of the city server cannot ask the rider check: it is a post credential’s', async () => {
    const anon = await officerClient(city.url, '900001', '123456');
    const r = await anon.send('city:riderCheck', { key: 'a'.repeat(64), since: 0, until: 1 });
    anon.close();
    expect(r.ok).toBe(false);
  });

  test('no ID number, phone or plate is stored in clear anywhere in the city', async () => {
    await linkIs(b.admin, (s) => s.enrolled && s.status === 'synced', 30_000);
    const dump = await cityDump(db);
    expect(dump.length).toBeGreaterThan(1_000);
    for (const clear of [ID, ID.slice(0, 17), PHONE, PLATE, OLD_PLATE, '张测试']) expect(dump).not.toContain(clear);
    await until(
      async () =>
        (await db.pool.query('SELECT 1 FROM city_rider_keys WHERE post_id = $1', [b.postId])).rows.length >= 3,
    );
  });
});

describe('a city that answers too slowly', () => {
  test('the booth waits about 1.5 s, then decides locally and marks the stop 未经全市核验', async () => {
    // A socket.io server that admits the post and never acknowledges anything: a hung city.
    const http = createServer();
    const hung = new Server(http, { transports: ['websocket'] });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const port = (http.address() as AddressInfo).port;
    const dataDir = tempDataDir('hung-city');
    saveLink(dataDir, {
      cityUrl: `http://127.0.0.1:${port}`,
      postId: 1,
      postName: '测试岗',
      credential: 'c'.repeat(64),
      enrolledAt: 0,
      cityKey: 'd'.repeat(64),
    });
    const connected = new Promise((r) => hung.once('connection', r));
    const post = await startTestCore({ dataDir, demo: true });
    const admin = await officerClient(post.url, '900001', '123456');
    try {
      await connected;
      await until(() => post.core.shipper?.state().enrolled, 5_000);
      const t0 = Date.now();
      const stop = expectOk(await admin.send('helmet:create', { vehicle: 'ebike', plate: '鲁PE6603' }));
      const waited = Date.now() - t0;
      expect(waited).toBeGreaterThanOrEqual(1_400);
      expect(waited).toBeLessThan(3_000);
      expect(stop).toMatchObject({ eligible: true, cityChecked: false, cityPriorStops: 0 });
    } finally {
      admin.close();
      await post.dispose();
      hung.close();
      http.close();
    }
  }, 60_000);
});
