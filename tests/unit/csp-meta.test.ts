import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/http/static';

const root = join(import.meta.dirname, '..', '..');
const htmlIn = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
const pages = [...htmlIn('renderer'), ...htmlIn(join('tests', 'fixtures', 'web'))];

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources.join(' ')]),
  );

/** A <meta> policy cannot carry frame-ancestors; every other directive is the header's. */
const HEADER_ONLY = ['frame-ancestors'];

it('every HTML page carries the CSP as a <meta> too, before anything it loads', () => {
  expect(pages.length).toBeGreaterThanOrEqual(4);
  const header = directives(CONTENT_SECURITY_POLICY);
  for (const name of HEADER_ONLY) header.delete(name);
  for (const page of pages) {
    const html = readFileSync(join(root, page), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta, page).not.toBeNull();
    const policy = directives(meta![1]!);
    // 'self' covers the socket.io websocket to the same host and port (CSP3).
    expect(policy.get('connect-src'), page).toBe("'self'");
    expect(Object.fromEntries(policy), page).toEqual(Object.fromEntries(header));
    // A meta policy governs only what comes after it.
    expect(meta!.index, page).toBeLessThan(html.search(/<script|<link|<\/head>/));
  }
});
