import type { EscortView } from '../../shared/contract/escorts';
import { createOfficer } from '../../electron/core/identity/officers';
import { officerClient, startTestCore, type TestClient, type TestCore } from './test-core';

/**
 * A core with two signed-in officers, 张伟 (900003) and 刘洋 (900004), on `clock`: the accounts an
 * escort test needs without the whole demo. The caller disposes the core and closes the clients.
 */
export async function twoOfficerCore(clock: () => number): Promise<{ core: TestCore; a: TestClient; b: TestClient }> {
  const core = await startTestCore({ clock });
  for (const [badge, name] of [
    ['900003', '张伟'],
    ['900004', '刘洋'],
  ] as const) {
    await createOfficer(core.core.db, { badge, name, role: 'officer', pin: '123456' }, 'test', clock());
  }
  return {
    core,
    a: await officerClient(core.url, '900003', '123456'),
    b: await officerClient(core.url, '900004', '123456'),
  };
}

/** The next push about escort `id` at `version` (earlier pushes may still be in flight). */
export const pushOf = (c: TestClient, id: number, version: number) =>
  new Promise<EscortView>((resolve) => {
    const on = (e: EscortView) => {
      if (e.id !== id || e.version !== version) return;
      c.socket.off('escort:changed', on);
      resolve(e);
    };
    c.socket.on('escort:changed', on);
  });
