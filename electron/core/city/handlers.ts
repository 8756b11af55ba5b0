import type { CityPostInfo, LinkState } from '../../../shared/contract/index';
import type { Core } from '../context';
import { conflict, DomainError, forbidden, validation } from '../errors';
import type { Handlers } from '../socket/handlers';
import { createPost, enrolPost } from './enrolment';
import { ingestBatch } from './ingest';
import { saveLink, loadLink } from './link-file';
import { startShipper } from './shipper';
import { io } from 'socket.io-client';
import { appendAudit } from '../audit/chain';
import { actorOf } from '../context';
import { rekeyHistory } from '../helmet/city-keys';

type CityEvent = 'city:enrol' | 'city:ingest' | 'city:createPost' | 'city:posts' | 'link:enrol' | 'link:state';

const cityOnly = (core: Core) => {
  if (!core.city) throw forbidden('此服务器不是市级服务器 / not a city server');
  return core.city;
};

/** The post's own side: what the header shows. */
export const linkState = (core: Core): LinkState => core.shipper?.state() ?? { enrolled: false };

/** Asks the city for this post's credential with the admin's code, over the same socket.io protocol. */
async function enrolAt(
  cityUrl: string,
  code: string,
): Promise<{ postId: number; name: string; credential: string; cityKey?: string }> {
  const socket = io(cityUrl, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 5_000 });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', (err) =>
        reject(new DomainError('UNAVAILABLE', `无法连接市级服务器 ${cityUrl}：${err.message}`)),
      );
    });
    const reply = (await socket.timeout(10_000).emitWithAck('city:enrol', { code })) as
      | { ok: true; value: { postId: number; name: string; credential: string; cityKey?: string } }
      | { ok: false; error: { code: 'VALIDATION'; message: string } };
    if (!reply.ok) throw new DomainError(reply.error.code, reply.error.message);
    return reply.value;
  } finally {
    socket.close();
  }
}

export const cityHandlers: Handlers<CityEvent> = {
  'city:enrol'(req, { core }) {
    return enrolPost(cityOnly(core).pool, req.code, core.clock());
  },

  'city:ingest'(req, { core, socket }) {
    const { principal } = socket.data;
    if (principal.kind !== 'post') throw forbidden('仅已登记的岗位可上传数据');
    // The credential names the post: a batch cannot claim another post's id, it is written as this one's.
    return ingestBatch(cityOnly(core).pool, principal.postId, req, core.clock());
  },

  async 'city:createPost'(req, { core, socket }) {
    const now = core.clock();
    const created = await createPost(cityOnly(core).pool, req.name, now);
    core.db.transaction(() =>
      appendAudit(
        core.db,
        {
          actor: actorOf(socket.data.principal),
          action: 'city.createPost',
          entity: 'city',
          entityId: created.postId,
          details: { name: created.name },
        },
        now,
      ),
    )();
    return created;
  },

  async 'city:posts'(_req, { core }): Promise<CityPostInfo[]> {
    const { rows } = await cityOnly(core).pool.query<{
      post_id: number;
      name: string;
      time_zone: string;
      enrolled_at: string | null;
      head_seq: string;
      last_ingest_at: string | null;
      flagged_reason: string | null;
    }>(
      'SELECT post_id, name, time_zone, enrolled_at, head_seq, last_ingest_at, flagged_reason FROM city_posts ORDER BY post_id',
    );
    return rows.map((r) => ({
      postId: r.post_id,
      name: r.name,
      timeZone: r.time_zone,
      enrolled: r.enrolled_at !== null,
      headSeq: Number(r.head_seq),
      lastIngestAt: r.last_ingest_at === null ? null : Number(r.last_ingest_at),
      flaggedReason: r.flagged_reason,
    }));
  },

  async 'link:enrol'(req, { core, socket }) {
    if (core.city) throw validation('市级服务器本身不需要登记');
    if (core.shipper || loadLink(core.options.dataDir)) throw conflict('本岗已登记到市级服务器');
    const cityUrl = req.cityUrl.replace(/\/$/, '');
    const granted = await enrolAt(cityUrl, req.code);
    const now = core.clock();
    const { cityKey } = granted;
    saveLink(core.options.dataDir, {
      cityUrl,
      postId: granted.postId,
      postName: granted.name,
      credential: granted.credential,
      enrolledAt: now,
      ...(cityKey && { cityKey }),
    });
    const actor = actorOf(socket.data.principal);
    core.db.transaction(() => {
      // This post's past stops get city keys (by plate: see rekeyHistory) and ship again with them.
      const rekeyedStops = cityKey ? rekeyHistory(core.db, Buffer.from(cityKey, 'hex'), now) : 0;
      appendAudit(
        core.db,
        {
          actor,
          action: 'city.enrol',
          entity: 'city',
          entityId: granted.postId,
          details: { cityUrl, postName: granted.name, rekeyedStops },
        },
        now,
      );
    })();
    core.shipper = startShipper(core, loadLink(core.options.dataDir)!);
    return linkState(core);
  },

  'link:state'(_req, { core }) {
    return linkState(core);
  },
};
