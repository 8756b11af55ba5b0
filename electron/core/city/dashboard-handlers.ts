import { actorOf, type Core } from '../context';
import { forbidden } from '../errors';
import { readSettings } from '../settings-store';
import type { Handlers } from '../socket/handlers';
import { exportCityDashboard } from './city-export';
import { cityDashboard } from './dashboard';

const cityPool = (core: Core) => {
  if (!core.city) throw forbidden('全市统计只在市级服务器上 / city figures live on the city server');
  return core.city.pool;
};

/** 全市统计: a chief on the city server sees every post side by side, and exports it. */
export const cityDashboardHandlers: Handlers<'city:dashboard' | 'city:export'> = {
  'city:dashboard': (req, { core }) => cityDashboard(cityPool(core), req, core.clock()),
  'city:export'(req, { core, socket }) {
    const settings = readSettings(core.db);
    return exportCityDashboard(cityPool(core), core.db, req, {
      actor: actorOf(socket.data.principal),
      now: core.clock(),
      cityName: settings.postName,
      timeZone: settings.timeZone,
    });
  },
};
