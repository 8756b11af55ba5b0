import type { Core, GreenSocket } from '../context';
import { forbidden } from '../errors';
import type { Handlers } from '../socket/handlers';
import { countAtOtherPosts, reportsForPost } from './rider-index';
import { listCityReports } from './rider-reports';

type RiderEvent = 'city:riderCheck' | 'city:riderReports' | 'helmet:cityReports';

/** The city's pool and the post the socket's credential names: a post asks about itself only. */
function asPost(core: Core, socket: GreenSocket) {
  if (!core.city) throw forbidden('此服务器不是市级服务器 / not a city server');
  const { principal } = socket.data;
  if (principal.kind !== 'post') throw forbidden('仅已登记的岗位可核验骑行人');
  return { pool: core.city.pool, postId: principal.postId };
}

export const riderCheckHandlers: Handlers<RiderEvent> = {
  'city:riderCheck'(req, { core, socket }) {
    const { pool, postId } = asPost(core, socket);
    return countAtOtherPosts(pool, postId, req.key, req.since, req.until);
  },

  'city:riderReports'(req, { core, socket }) {
    const { pool, postId } = asPost(core, socket);
    return reportsForPost(pool, postId, req.afterId);
  },

  'helmet:cityReports': (_req, { core }) => listCityReports(core.db),
};
