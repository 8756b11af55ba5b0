import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { roleAtLeast } from '../../../shared/domain/roles';
import { fail, ok, type ErrorCode } from '../../../shared/contract/result';
import { UPLOAD_PATH, UPLOADS_URL, uploadKinds, type UploadedMedia, type UploadKind } from '../../../shared/contract/upload';
import { appendAudit } from '../audit/chain';
import type { Core } from '../context';
import { resolveSession } from '../identity/sessions';
import { checkCaptions, MAX_CAPTION_BYTES } from './captions';
import { ContentError, readVideoFacts } from './video-facts';

/** A few minutes of VP9/H.264 at kiosk quality is a few MB; 200 MB leaves room without inviting abuse. */
export const MAX_VIDEO_BYTES = 200 * 1024 * 1024;
const limits: Record<UploadKind, number> = { video: MAX_VIDEO_BYTES, captions: MAX_CAPTION_BYTES };

export const mediaDir = (core: Core) => join(core.options.dataDir, 'media');
export const isUploadRequest = (req: IncomingMessage) => (req.url ?? '').split('?')[0] === UPLOAD_PATH;

const status: Partial<Record<ErrorCode, number>> = { VALIDATION: 422, UNAUTHENTICATED: 401, FORBIDDEN: 403, INTERNAL: 500 };

function reply(res: ServerResponse, code: number, body: unknown) {
  res.writeHead(code, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify(body));
}

class UploadRefused extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly http: number,
    message: string,
  ) {
    super(message);
  }
}

/** Streams the body to `file`, hashing it, and stops the moment it passes `limit`. */
async function receive(req: IncomingMessage, file: string, limit: number): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) return done(new UploadRefused('VALIDATION', 413, `文件过大（最大 ${Math.round(limit / 1024 / 1024) || 1} MB）`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(req, meter, createWriteStream(file, { flags: 'wx' }));
  return { size, sha256: hash.digest('hex') };
}

function authorise(core: Core, req: IncomingMessage): string {
  const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(req.headers.authorization ?? '');
  const session = m ? resolveSession(core.db, m[1]!, core.clock()) : undefined;
  if (!session) throw new UploadRefused('UNAUTHENTICATED', 401, '请先登录');
  if (!roleAtLeast(session.officer.role, 'admin')) throw new UploadRefused('FORBIDDEN', 403, '权限不足：仅管理员可上传');
  return `officer:${session.officer.badge}`;
}

/**
 * `POST /api/upload?kind=video|captions` (see shared/contract/upload.ts). A refused upload leaves
 * nothing behind: the body is received into `media-incoming`, checked, and only then moved into the
 * media folder under its content hash (so the same file uploaded twice is stored once).
 */
export function createUploadHandler(coreOf: () => Core) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const core = coreOf();
    let incoming: string | undefined;
    const run = async (): Promise<UploadedMedia> => {
      if (req.method !== 'POST') throw new UploadRefused('VALIDATION', 405, '只接受 POST');
      const kind = new URL(req.url ?? '', 'http://x').searchParams.get('kind') as UploadKind;
      if (!uploadKinds.includes(kind)) throw new UploadRefused('VALIDATION', 422, 'kind 应为 video 或 captions');
      const actor = authorise(core, req);
      const declared = Number(req.headers['content-length']);
      if (!Number.isFinite(declared) && req.headers['transfer-encoding'] === undefined) throw new UploadRefused('VALIDATION', 411, '缺少 Content-Length');
      if (declared > limits[kind]) throw new UploadRefused('VALIDATION', 413, `文件过大（最大 ${Math.round(limits[kind] / 1024 / 1024) || 1} MB）`);
      const dir = mediaDir(core);
      // Received outside the served folder: a half-arrived or refused file is never reachable by URL.
      const pending = join(core.options.dataDir, 'media-incoming');
      mkdirSync(dir, { recursive: true });
      mkdirSync(pending, { recursive: true });
      incoming = join(pending, `${randomBytes(8).toString('hex')}.part`);
      const { size, sha256 } = await receive(req, incoming, limits[kind]);
      if (size === 0) throw new UploadRefused('VALIDATION', 422, '文件是空的');
      let facts: Omit<UploadedMedia, 'file' | 'url' | 'size' | 'kind'>;
      let ext: string;
      try {
        if (kind === 'video') {
          const v = readVideoFacts(incoming);
          facts = { format: v.kind, durationSeconds: v.durationSeconds };
          ext = v.kind;
        } else {
          const c = checkCaptions(readFileSync(incoming));
          facts = { cues: c.cues, lastCueEnd: c.lastEnd };
          ext = 'vtt';
        }
      } catch (err) {
        if (err instanceof ContentError) throw new UploadRefused('VALIDATION', 422, err.message);
        throw err;
      }
      const file = `${sha256.slice(0, 20)}.${ext}`;
      const target = join(dir, file);
      if (existsSync(target)) rmSync(incoming);
      else renameSync(incoming, target);
      incoming = undefined;
      const media: UploadedMedia = { kind, file, url: `${UPLOADS_URL}${file}`, size, ...facts };
      core.db.transaction(() => appendAudit(core.db, { actor, action: 'content.upload', entity: 'media', entityId: file, details: { ...media } }, core.clock()))();
      return media;
    };
    run().then(
      (media) => reply(res, 200, ok(media)),
      (err: unknown) => {
        if (incoming) rmSync(incoming, { force: true });
        const refused = err instanceof UploadRefused ? err : undefined;
        if (!refused) core.log('error', 'upload failed', { error: err instanceof Error ? err.message : String(err) });
        // Stop reading a body we refused before it arrived; the reply still goes out.
        if (!req.complete) res.setHeader('Connection', 'close');
        const code = refused?.code ?? 'INTERNAL';
        reply(res, refused?.http ?? status[code] ?? 500, fail(code, refused?.message ?? '上传失败，文件未保存'));
        if (!req.complete) req.resume();
      },
    );
  };
}
