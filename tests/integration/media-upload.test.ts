import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UploadReply } from '../../shared/contract/upload';
import { officerClient, root, startTestCore, type TestCore } from '../helpers/test-core';

let core: TestCore | undefined;
afterEach(async () => {
  await core?.dispose();
  core = undefined;
});

const upload = async (kind: string, body: Buffer, token?: string) => {
  const res = await fetch(`${core!.url}/api/upload?kind=${kind}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/octet-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  return { status: res.status, body: (await res.json()) as UploadReply };
};
const tokenOf = async (badge: string) => {
  const c = await officerClient(core!.url, badge, '123456');
  c.close();
  return c.token;
};
const media = (name: string) => readFileSync(join(root, 'tests/fixtures/media', name));

describe('POST /api/upload (content)', () => {
  it('stores a checked video and its captions under their content hash, audited, served for playback', async () => {
    core = await startTestCore({ demo: true });
    const admin = await tokenOf('900001');
    const video = await upload('video', media('tiny.webm'), admin);
    expect(video.status).toBe(200);
    expect(video.body).toMatchObject({ ok: true, value: { kind: 'video', format: 'webm', durationSeconds: 2.508, size: media('tiny.webm').length } });
    if (!video.body.ok) return;
    expect(video.body.value.file).toMatch(/^[0-9a-f]{20}\.webm$/);
    const served = await fetch(core.url + video.body.value.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('video/webm');
    expect(Buffer.from(await served.arrayBuffer()).equals(media('tiny.webm'))).toBe(true);

    const captions = await upload('captions', Buffer.from('WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n请佩戴安全头盔\n'), admin);
    expect(captions.body).toMatchObject({ ok: true, value: { kind: 'captions', cues: 1, lastCueEnd: 2 } });
    // The same bytes again are stored once.
    expect((await upload('video', media('tiny.webm'), admin)).body).toMatchObject({ ok: true, value: { file: video.body.value.file } });
    expect(readdirSync(join(core.dataDir, 'media')).sort()).toHaveLength(2);
    expect(core.core.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'content.upload' AND actor = 'officer:900001'").pluck().get()).toBe(3);
  });

  it('refuses without a session, for non-admins, and files that are not what they claim; nothing is kept', async () => {
    core = await startTestCore({ demo: true });
    expect((await upload('video', media('tiny.mp4'))).status).toBe(401);
    expect((await upload('video', media('tiny.mp4'), 'x'.repeat(43))).status).toBe(401);
    expect(await upload('video', media('tiny.mp4'), await tokenOf('900003'))).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN' } } });
    const admin = await tokenOf('900001');
    const fake = await upload('video', readFileSync(join(root, 'package.json')), admin);
    expect(fake).toMatchObject({ status: 422, body: { ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('不是 WebM 或 MP4') } } });
    expect((await upload('captions', media('tiny.mp4'), admin)).body).toMatchObject({ ok: false, error: { message: expect.stringMatching(/UTF-8|WEBVTT/) } });
    expect((await upload('poster', media('tiny.mp4'), admin)).status).toBe(422);
    expect(existsSync(join(core.dataDir, 'media')) ? readdirSync(join(core.dataDir, 'media')) : []).toEqual([]);
    expect(readdirSync(join(core.dataDir, 'media-incoming'))).toEqual([]);
  });

  it('refuses a body declared over the limit before reading it', async () => {
    core = await startTestCore({ demo: true });
    const admin = await tokenOf('900001');
    const url = new URL(`${core.url}/api/upload?kind=video`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers: { Authorization: `Bearer ${admin}`, 'Content-Length': String(300 * 1024 * 1024) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(status).toBe(413);
  });
});
