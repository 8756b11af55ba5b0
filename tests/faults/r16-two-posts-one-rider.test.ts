import { afterAll, expect, it } from 'vitest';
import type { CityRiderReport } from '../../shared/contract/index';
import { startCityDb, type CityDb } from '../helpers/city-pg';
import { cityDump, enrolledPost, linkIs, shippedStop, waiver, type EnrolledPost } from '../helpers/city-posts';
import { validId } from '../helpers/helmet';
import { expectOk, officerClient, startTestCore, type TestClient, type TestCore } from '../helpers/test-core';
import { figure, scale } from './scale';

let db: CityDb | undefined;
let city: TestCore | undefined;
let cityAdmin: TestClient | undefined;
const posts: EnrolledPost[] = [];
afterAll(async () => {
  for (const p of posts) await p.close();
  cityAdmin?.close();
  await city?.dispose();
  await db?.dispose();
});

const riders = scale(12, 3);
/** Rider i: a valid ID, a phone and a plate, all distinct. */
const rider = (i: number) => ({
  vehicle: 'ebike' as const,
  idNumber: validId(`3715021990010${String(1000 + i).slice(-4)}`),
  phone: `1396666${String(1000 + i).slice(-4)}`,
  plate: `鲁PR${String(1000 + i).slice(-4)}`,
});
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;

it('R16: two posts and the same rider — the second waiver inside the window is refused online and reported when offline', async () => {
  db = await startCityDb();
  city = await startTestCore({ demo: true, pgUrl: db.cluster.url });
  cityAdmin = await officerClient(city.url, '900001', '123456');
  const a = await enrolledPost(city, cityAdmin, '东昌岗', { kiosks: riders });
  const b = await enrolledPost(city, cityAdmin, '开发区岗', { kiosks: riders });
  posts.push(a, b);

  // Every rider is waived at A first, and it ships.
  for (let i = 0; i < riders; i++) {
    const first = await waiver(a, rider(i), i);
    expect(first).toMatchObject({ eligible: true, cityChecked: true });
    await shippedStop(db, a.postId, first.id, 'education');
  }

  // Online: at B each is refused education, on the city's count.
  const checkMs: number[] = [];
  for (let i = 0; i < riders; i++) {
    const t0 = performance.now();
    const stop = expectOk(await b.admin.send('helmet:create', rider(i)));
    checkMs.push(performance.now() - t0);
    expect(stop).toMatchObject({ eligible: false, educationAllowed: false, cityPriorStops: 1, cityChecked: true });
    expectOk(await b.admin.send('helmet:cancel', { stopId: stop.id, reason: 'R16：在线核验为再次违法' }));
  }
  await linkIs(b.admin, (s) => s.enrolled && s.status === 'synced');

  // Offline: B decides alone, marks every stop, and the waivers go through.
  const port = Number(new URL(city.url).port);
  await city.close();
  await linkIs(b.admin, (s) => s.enrolled && s.status === 'offline');
  const localMs: number[] = [];
  for (let i = 0; i < riders; i++) {
    const t0 = performance.now();
    const stop = await waiver(b, rider(i), i);
    localMs.push(performance.now() - t0);
    expect(stop).toMatchObject({ eligible: true, outcome: 'education', cityChecked: false });
  }

  // Back online: the events ship, and both chiefs are told of every rider.
  const gathered = (post: EnrolledPost) => {
    const got: CityRiderReport[] = [];
    post.chief.socket.on('helmet:cityReports', (r) => got.push(...r));
    return got;
  };
  const [toA, toB] = [gathered(a), gathered(b)];
  const back = performance.now();
  city = await startTestCore({ dataDir: city.dataDir, port, pgUrl: db.cluster.url });
  b.core.core.shipper?.nudge();
  a.core.core.shipper?.nudge();
  while (toA.length < riders || toB.length < riders) {
    expect(performance.now() - back).toBeLessThan(60_000);
    await new Promise((r) => setTimeout(r, 50));
  }
  const reportedS = (performance.now() - back) / 1000;
  expect(new Set(toB.map((r) => r.plate))).toEqual(new Set(Array.from({ length: riders }, (_, i) => rider(i).plate)));
  expect(toA.every((r) => r.otherPostName === '开发区岗') && toB.every((r) => r.otherPostName === '东昌岗')).toBe(true);
  expect((await db.pool.query('SELECT 1 FROM city_rider_reports')).rows).toHaveLength(riders);

  const dump = await cityDump(db);
  const leaked = Array.from({ length: riders }, (_, i) => rider(i)).filter((r) =>
    [r.idNumber, r.phone, r.plate].some((v) => dump.includes(v)),
  );
  expect(leaked).toEqual([]);

  figure(
    'R16',
    `${riders} riders at 2 posts: ${riders}/${riders} second waivers refused online (city check median ${median(checkMs).toFixed(0)} ms); ` +
      `offline ${riders}/${riders} decided locally (median ${median(localMs).toFixed(0)} ms) and marked 未经全市核验; ` +
      `${riders}/${riders} reported to both chiefs ${reportedS.toFixed(1)} s after the city was back; 0 IDs, phones or plates in clear at the city`,
  );
}, 240_000);
