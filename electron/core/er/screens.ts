import type { ErScreenInfo } from '../../../shared/contract/er';
import { rooms, type Core } from '../context';
import { deviceInfo, deviceRegistry, type DeviceRow } from '../devices/device-registry';

/** ER pre-alert screens: paired with a one-time code like kiosks, in a table of their own. */
export const erScreens = deviceRegistry({ table: 'er_screens', audit: 'er', defaultName: (id) => `急诊预警屏 ${id}` });

export const toErScreenInfo: (r: DeviceRow, online: boolean) => ErScreenInfo = deviceInfo;

const online = (core: Core, id: number) => (core.io.sockets.adapter.rooms.get(rooms.erScreen(id))?.size ?? 0) > 0;

export const listErScreens = (core: Core): ErScreenInfo[] =>
  erScreens.list(core.db).map((r) => toErScreenInfo(r, online(core, r.id)));

export const broadcastErStatus = (core: Core) => core.io.to(rooms.officers).emit('er:status', listErScreens(core));
