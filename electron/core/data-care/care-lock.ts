import type { CareOperation } from '../../../shared/contract/data-care';
import type { Core } from '../context';
import { conflict } from '../errors';

const busy = new WeakMap<Core, CareOperation>();
const names: Record<CareOperation, string> = { backup: '备份', restore: '恢复' };

export const careBusy = (core: Core): CareOperation | undefined => busy.get(core);

/**
 * One backup or restore at a time per core: a restore must never swap the file a backup is reading,
 * and two backups would only race for the same folder.
 */
export async function exclusively<T>(core: Core, operation: CareOperation, run: () => Promise<T>): Promise<T> {
  const current = busy.get(core);
  if (current) throw conflict(`正在${names[current]}，请等它完成后再试`);
  busy.set(core, operation);
  try {
    return await run();
  } finally {
    busy.delete(core);
  }
}
