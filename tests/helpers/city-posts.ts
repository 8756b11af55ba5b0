import type { HelmetStop, LinkState, RequestOf } from '../../shared/contract/index';
import type { CityDb } from './city-pg';
import { pairedKiosk } from './helmet';
import { expectOk, officerClient, startTestCore, type TestClient, type TestCore } from './test-core';

/** One post enrolled with a city: its admin (who also works the booth), its chief, and a paired kiosk. */
export interface EnrolledPost {
  core: TestCore;
  postId: number;
  admin: TestClient;
  chief: TestClient;
  /** The first of its paired kiosks. */
  kiosk: TestClient;
  kiosks: { client: TestClient; kioskId: number }[];
  close(): Promise<void>;
}

/** Waits until `ok()` holds, checking on every turn of the event loop (no fixed sleep). */
export async function until<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The post's header state, from its pushes or the current state. */
export const linkIs = (client: TestClient, ok: (s: LinkState) => boolean, timeoutMs = 15_000) =>
  until(
    async () => {
      const s = expectOk(await client.send('link:state', {}));
      return ok(s) && s;
    },
    timeoutMs,
    'link state',
  );

/**
 * A demo post (accounts only) created on the city by its admin and enrolled through 管理's
 * `link:enrol`; `before` runs on the post before it enrols (history to re-key).
 */
export async function enrolledPost(
  city: TestCore,
  cityAdmin: TestClient,
  name: string,
  options: { before?: (admin: TestClient) => Promise<void>; kiosks?: number } = {},
): Promise<EnrolledPost> {
  const { before, kiosks: kioskCount = 1 } = options;
  const core = await startTestCore({ demo: true });
  const [admin, chief] = await Promise.all([
    officerClient(core.url, '900001', '123456'),
    officerClient(core.url, '900002', '123456'),
  ]);
  const kiosks: EnrolledPost['kiosks'] = [];
  for (let i = 0; i < kioskCount; i++) {
    const { kiosk: client, kioskId } = await pairedKiosk(core.url, admin);
    kiosks.push({ client, kioskId });
  }
  if (before) await before(admin);
  const created = expectOk(await cityAdmin.send('city:createPost', { name }));
  expectOk(await admin.send('link:enrol', { cityUrl: city.url, code: created.code }));
  await linkIs(admin, (s) => s.enrolled && s.status === 'synced');
  return {
    core,
    postId: created.postId,
    admin,
    chief,
    kiosk: kiosks[0]!.client,
    kiosks,
    async close() {
      for (const c of [admin, chief, ...kiosks.map((k) => k.client)]) c.close();
      await core.dispose();
    },
  };
}

/** Opens a stop and, when the rider may, has them choose education on kiosk `k`: a waiver. */
export async function waiver(post: EnrolledPost, rider: RequestOf<'helmet:create'>, k = 0): Promise<HelmetStop> {
  const stop = expectOk(await post.admin.send('helmet:create', rider));
  if (!stop.educationAllowed) return stop;
  const kiosk = post.kiosks[k]!;
  const shown = kiosk.client.next('helmet:session');
  expectOk(
    await post.admin.send(
      'helmet:offer',
      post.kiosks.length > 1 ? { stopId: stop.id, kioskId: kiosk.kioskId } : { stopId: stop.id },
    ),
  );
  const [session] = await shown;
  expectOk(await kiosk.client.send('helmet:choose', { sessionId: session!.id, choice: 'education' }));
  return expectOk(await post.admin.send('helmet:list', {})).find((s) => s.id === stop.id)!;
}

/** The city's projection of one post's stop, once shipped with the given outcome. */
export const shippedStop = (db: CityDb, postId: number, stopId: number, outcome: string) =>
  until(
    async () =>
      (
        await db.pool.query<{ outcome: string }>(
          'SELECT outcome FROM city_helmet_stops WHERE post_id = $1 AND stop_id = $2 AND outcome = $3',
          [postId, stopId, outcome],
        )
      ).rows[0],
    15_000,
    `stop ${stopId} shipped as ${outcome}`,
  );

/** Every row of every table of the city's schema, as text: what must hold no clear ID, phone or plate. */
export async function cityDump(db: CityDb): Promise<string> {
  const tables = (
    await db.pool.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    )
  ).rows;
  let out = '';
  for (const { table_name } of tables)
    out += (await db.pool.query<{ t: string }>(`SELECT t::text AS t FROM "${table_name}" t`)).rows
      .map((r) => r.t)
      .join('\n');
  return out;
}
