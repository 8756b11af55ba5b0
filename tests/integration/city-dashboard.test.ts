import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CityFigures, LinkState, MonthReport } from '../../shared/contract/index';
import { addMonths, localParts } from '../../shared/domain/time';
import { parseCsv } from '../helpers/parse-csv';
import { startCityDb, type CityDb } from '../helpers/city-pg';
import { expectOk, officerClient, startTestCore, type TestClient, type TestCore } from '../helpers/test-core';

// A city server and two posts in different zones, one with a year of demo history, both enrolled
// and shipped: every post's column on the city dashboard must equal that post's own 统计报表.
let db: CityDb;
let city: TestCore;
const posts: { core: TestCore; admin: TestClient; name: string }[] = [];
let cityChief: TestClient;
let skew = 0;

async function synced(client: TestClient) {
  const done = (s: LinkState) => s.enrolled && s.status === 'synced';
  if (done(expectOk(await client.send('link:state', {})))) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not synced within 60 s')), 60_000);
    client.socket.on('link:state', (s) => {
      if (!done(s)) return;
      clearTimeout(timer);
      resolve();
    });
  });
}

beforeAll(async () => {
  db = await startCityDb();
  city = await startTestCore({ demo: true, pgUrl: db.cluster.url });
  const cityAdmin = await officerClient(city.url, '900001', '123456');
  cityChief = await officerClient(city.url, '900002', '123456');
  const cores = await Promise.all([
    startTestCore({ demo: true, demoYears: 1 }),
    // Its clock runs ahead by hand, so an escort's steps are minutes apart (the press guard wants 5 s).
    startTestCore({ demo: true, settings: { timeZone: 'Asia/Tokyo' }, clock: () => Date.now() + skew }),
  ]);
  for (const [i, core] of cores.entries()) {
    const name = ['人民医院岗', '东京路岗'][i]!;
    const admin = await officerClient(core.url, '900001', '123456');
    const { code } = expectOk(await cityAdmin.send('city:createPost', { name }));
    expectOk(await admin.send('link:enrol', { cityUrl: city.url, code }));
    posts.push({ core, admin, name });
  }
  cityAdmin.close();
  // The second post's own records, written live: an escort handed over and one cancelled.
  const b = posts[1]!.admin;
  const e = expectOk(await b.send('escort:create', { plate: '鲁P30001' }));
  let v = e.version;
  for (const step of ['met', 'departed', 'arrived', 'handedOver'] as const) {
    skew += 3 * 60_000;
    v = expectOk(await b.send('escort:advance', { id: e.id, version: v, step })).version;
  }
  const c = expectOk(await b.send('escort:create', { plate: '鲁P30002' }));
  expectOk(await b.send('escort:cancel', { id: c.id, version: c.version, reason: '误报' }));
  await Promise.all(posts.map((p) => synced(p.admin)));
}, 180_000);
afterAll(async () => {
  cityChief?.close();
  for (const p of posts) {
    p.admin.close();
    await p.core.dispose();
  }
  await city?.dispose();
  await db?.dispose();
});

const fromMonth = (r: MonthReport): CityFigures => ({
  escorts: r.month.escorts.total,
  handedOver: r.month.escorts.handedOver,
  cancelled: r.month.escorts.cancelled,
  medianRequestToHandover: r.month.escorts.intervals.requestToHandover.median,
  p90RequestToHandover: r.month.escorts.intervals.requestToHandover.p90,
  helmetStops: r.month.helmet.stops,
  educationsCompleted: r.month.helmet.completed,
  fines: r.month.helmet.fines,
  fineYuan: r.month.helmet.fineYuan,
  advisories: r.month.advisories.total,
});

describe('全市统计', () => {
  test('each post’s month equals its own report, in its own zone, for this month and the eleven before', async () => {
    const now = localParts(Date.now(), 'Asia/Shanghai');
    let nonEmpty = 0;
    for (let back = 0; back < 12; back++) {
      const { year, month } = addMonths(now.year, now.month, -back);
      const dash = expectOk(await cityChief.send('city:dashboard', { year, month }));
      expect(dash.posts.map((p) => p.name)).toEqual(posts.map((p) => p.name));
      for (const [i, p] of posts.entries()) {
        const own = expectOk(await p.admin.send('reports:month', { year, month }));
        const { postId, name, timeZone, headSeq, lastIngestAt, flaggedReason, ...figures } = dash.posts[i]!;
        expect({ name, timeZone, flaggedReason }).toEqual({
          name: p.name,
          timeZone: own.timeZone,
          flaggedReason: null,
        });
        expect(postId).toBeGreaterThan(0);
        expect(headSeq).toBeGreaterThan(0);
        expect(lastIngestAt).not.toBeNull();
        expect(figures, `${p.name} ${year}-${month}`).toEqual(fromMonth(own));
        if (figures.escorts) nonEmpty++;
      }
      const sum = (k: keyof CityFigures) => dash.posts.reduce((s, p) => s + (p[k] ?? 0), 0);
      for (const k of [
        'escorts',
        'handedOver',
        'cancelled',
        'helmetStops',
        'educationsCompleted',
        'fines',
        'fineYuan',
        'advisories',
      ] as const)
        expect(dash.totals[k]).toBe(sum(k));
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(12);
  }, 60_000);

  test('a year equals each post’s year totals', async () => {
    const { year } = localParts(Date.now(), 'Asia/Shanghai');
    const dash = expectOk(await cityChief.send('city:dashboard', { year, month: null }));
    for (const [i, p] of posts.entries()) {
      const own = expectOk(await p.admin.send('reports:month', { year, month: 1 })).year.totals;
      expect(dash.posts[i]).toMatchObject({
        escorts: own.escorts,
        handedOver: own.handedOver,
        cancelled: own.cancelled,
        medianRequestToHandover: own.medianRequestToHandover,
        helmetStops: own.helmetStops,
        educationsCompleted: own.educationsCompleted,
        fines: own.fines,
        advisories: own.advisories,
      });
    }
  });

  test('the CSV carries the same figures, one row per post and the city’s', async () => {
    const now = localParts(Date.now(), 'Asia/Shanghai');
    const file = expectOk(await cityChief.send('city:export', { year: now.year, month: now.month, format: 'csv' }));
    expect(file.fileName).toBe(`全市统计-${now.year}-${String(now.month).padStart(2, '0')}.csv`);
    const rows = parseCsv(Buffer.from(file.bytes as ArrayBuffer).toString('utf8'));
    const byName = new Map(rows.map((r) => [r[0], r]));
    for (const p of [...file.dashboard.posts, { name: '全市合计', ...file.dashboard.totals }])
      expect(byName.get(p.name)?.slice(1, 4).map(Number)).toEqual([p.escorts, p.handedOver, p.cancelled]);
    const xlsx = expectOk(await cityChief.send('city:export', { year: now.year, month: now.month, format: 'xlsx' }));
    expect(
      Buffer.from(xlsx.bytes as ArrayBuffer)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  test('a bad period is refused with the reason; a post officer or a post has no dashboard', async () => {
    const bad = await cityChief.send('city:dashboard', { year: 1999, month: 13 });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/年份不能早于 2000|月份应为 1–12/) },
    });
    const officer = await officerClient(city.url, '900004', '123456');
    const denied = await officer.send('city:dashboard', { year: 2026, month: 1 });
    officer.close();
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const atPost = await posts[0]!.admin.send('city:dashboard', { year: 2026, month: 1 });
    expect(atPost).toMatchObject({ ok: false, error: { message: expect.stringMatching(/市级服务器/) } });
  });
});
