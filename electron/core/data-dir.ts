import { accessSync, closeSync, constants, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirError extends Error {}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Makes sure the data dir exists and is writable, then takes `greenpost.lock` in it. A lock left by
 * a dead process is taken over; a live one (even our own process) means another core owns the data.
 */
export function lockDataDir(dir: string): () => void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch {
    throw new DataDirError(`数据目录不可写 / data directory is not writable: ${dir}`);
  }
  const lock = join(dir, 'greenpost.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lock, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DataDirError(`数据目录不可写 / cannot write lock in ${dir}: ${(err as Error).message}`);
      }
      const pid = Number(readFileSync(lock, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new DataDirError(`另一个绿岗进程（PID ${pid}）正在使用此数据目录 / data directory is in use by PID ${pid}: ${dir}`);
      }
      rmSync(lock, { force: true });
    }
  }
  throw new DataDirError(`无法锁定数据目录 / could not lock ${dir}`);
}
