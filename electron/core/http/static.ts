import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, normalize, resolve, sep } from 'node:path';

/** No inline script, no eval; styles may be inline because Ant Design injects its CSS-in-JS. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  // 'self' covers ws:// to the same host and port (CSP 3); nothing else is spoken to.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  // The kiosk's read-aloud clips (resources/narration).
  '.ogg': 'audio/ogg',
  '.vtt': 'text/vtt; charset=utf-8',
};

const baseHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Resolves `rel` inside `root`, or undefined if it escapes it or is not a file. */
function fileWithin(root: string, rel: string): string | undefined {
  const base = resolve(root);
  const full = resolve(base, normalize('.' + sep + rel));
  if (full !== base && !full.startsWith(base + sep)) return undefined;
  return existsSync(full) && statSync(full).isFile() ? full : undefined;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { ...baseHeaders, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

/** Streams a file, honouring a single `Range` so video seeking works. */
function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cache: string) {
  const size = statSync(file).size;
  const type = types[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers = { ...baseHeaders, 'Content-Type': type, 'Cache-Control': cache, 'Accept-Ranges': 'bytes' };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start > end || start >= size) {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` });
      res.end();
      return;
    }
    res.writeHead(206, {
      ...headers,
      'Content-Range': `bytes ${start}-${end}/${size}`,
      'Content-Length': end - start + 1,
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file, { start, end }).pipe(res);
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': size });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

export interface StaticRoots {
  webDir: string;
  /** Extra URL prefixes mapped to folders, e.g. `/media/` → resources/videos. */
  mounts: Record<string, string>;
}

export function createStaticHandler(roots: StaticRoots) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed');
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return send(res, 400, 'Bad Request');
    }
    for (const [prefix, dir] of Object.entries(roots.mounts)) {
      if (path.startsWith(prefix)) {
        const file = fileWithin(dir, path.slice(prefix.length));
        return file ? sendFile(req, res, file, 'no-cache') : send(res, 404, 'Not Found');
      }
    }
    const under = (root: string) => path === root || path.startsWith(`${root}/`);
    const page = under('/kiosk') ? 'kiosk.html' : under('/er') ? 'er.html' : undefined;
    if (!page && path.startsWith('/assets/')) {
      const file = fileWithin(roots.webDir, path);
      return file ? sendFile(req, res, file, 'public, max-age=31536000, immutable') : send(res, 404, 'Not Found');
    }
    const direct = !page && extname(path) ? fileWithin(roots.webDir, path) : undefined;
    if (direct) return sendFile(req, res, direct, 'no-cache');
    if (!page && extname(path)) return send(res, 404, 'Not Found');
    const html = fileWithin(roots.webDir, page ?? 'index.html');
    if (!html) return send(res, 503, 'GreenPost UI is not built: run `npm run build` first.');
    return sendFile(req, res, html, 'no-cache');
  };
}
