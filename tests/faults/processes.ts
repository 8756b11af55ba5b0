import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Spawns a TypeScript entry under tsx and resolves with the process and the first `READY <x>` it prints. */
export function spawnReady(entry: string, args: string[]): Promise<{ child: ChildProcess; ready: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(root, entry), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolvePromise, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m?.[1]) resolvePromise({ child, ready: m[1], output: () => out });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`${entry} exited (${code}) before READY: ${out}`)));
  });
}

export const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));

/** Resolves once a spawned process's output matches `pattern` (an event it reports, not a sleep). */
export async function printed(proc: { child: ChildProcess; output: () => string }, pattern: RegExp): Promise<void> {
  while (!pattern.test(proc.output())) {
    if (proc.child.exitCode !== null) throw new Error(`exited before printing ${pattern}: ${proc.output()}`);
    await new Promise<void>((r) => proc.child.stdout!.once('data', () => r()));
  }
}
