import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder holding GreenPost's package.json, found by walking up from `from` (source or bundle). */
export function findAppRoot(from: string): string {
  let dir = from;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'greenpost') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`GreenPost's package.json not found above ${from}`);
    dir = up;
  }
}
