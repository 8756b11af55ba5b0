import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskSession } from '../../shared/contract/helmet';
import type { UploadedMedia, UploadReply } from '../../shared/contract/upload';
import { UNREGISTERED_GRACE_MS } from '../../electron/core/content/media-sweep';
import { zonedEpoch } from '../../electron/core/data-care/local-time';
import { startMaintenance } from '../../electron/core/data-care/maintenance';
import { readSettings } from '../../electron/core/settings-store';
import { localParts } from '../../shared/domain/time';
import { correctAnswers, pairedKiosk } from '../helpers/helmet';
import { expectOk, officerClient, root, startTestCore, type TestClient, type TestCore } from '../helpers/test-core';

const T0 = Date.parse('2025-06-10T06:00:00Z');
let now = T0;
const clock = () => now;
const cores: TestCore[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const c of cores.splice(0)) await c.dispose();
  now = T0;
});

async function start() {
  const core = await startTestCore({ demo: true, clock, random: () => 0.5 });
  cores.push(core);
  return core;
}

async function signIn(core: TestCore, badge: string) {
  const client = await officerClient(core.url, badge, '123456');
  clients.push(client);
  return client;
}

const resource = (name: string) => readFileSync(join(root, 'resources/videos', name));

async function upload(core: TestCore, kind: 'video' | 'captions', body: Buffer, token: string) {
  const res = await fetch(`${core.url}/api/upload?kind=${kind}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
  });
  return { status: res.status, reply: (await res.json()) as UploadReply };
}

const uploaded = (r: { reply: UploadReply }): UploadedMedia => expectOk(r.reply);

/** What a refusal must leave untouched: the content tables, the settings and the audit chain. */
const snapshot = (core: TestCore) =>
  JSON.stringify(
    ['videos', 'quiz_questions', 'settings', 'audit_log'].map((t) => core.core.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()),
  );
const audits = (core: TestCore, action: string) =>
  core.core.db.prepare('SELECT COUNT(*) FROM audit_log WHERE action = ?').pluck().get(action) as number;

/** Uploads test-short.webm and its captions over HTTP and registers them: the admin's 上传视频. */
async function uploadTestVideo(core: TestCore, admin: TestClient & { token: string }, title = '测试上传视频') {
  const video = uploaded(await upload(core, 'video', resource('test-short.webm'), admin.token));
  const captions = uploaded(await upload(core, 'captions', resource('test-short.zh.vtt'), admin.token));
  expect(video).toMatchObject({ format: 'webm', durationSeconds: expect.closeTo(6.1, 1) });
  const registered = expectOk(await admin.send('content:registerVideo', { title, videoFile: video.file, captionsFile: captions.file }));
  return Object.assign(registered, { files: { videoFile: video.file, captionsFile: captions.file } });
}

describe('管理 → 内容: videos', () => {
  it('an uploaded video assigned to first-time riders is what a paired kiosk is offered, served with Range', async () => {
    const core = await start();
    const admin = await signIn(core, '900001');
    const registered = await uploadTestVideo(core, admin);
    expect(registered).toMatchObject({ title: '测试上传视频', format: 'webm', hasCaptions: true, source: 'uploaded', active: true, assignedTo: [] });
    expect(audits(core, 'content.video.register')).toBe(1);

    const pushed = admin.next('content:changed');
    const settings = expectOk(await admin.send('content:assignVideo', { group: 'first', videoId: registered.id }));
    expect(settings.helmetVideoFirst).toBe(registered.id);
    const [overview] = await pushed;
    expect(overview.videos.find((v) => v.id === registered.id)?.assignedTo).toEqual(['first']);
    expect(overview.assignments.first).toBe(registered.id);
    expect(core.core.db.prepare("SELECT details FROM audit_log WHERE action = 'settings.update' ORDER BY seq DESC").pluck().get()).toContain(registered.id);

    const officer = await signIn(core, '900003');
    const { kiosk } = await pairedKiosk(core.url, officer);
    clients.push(kiosk);
    const stop = expectOk(await officer.send('helmet:create', { vehicle: 'ebike', plate: '鲁PC1234' }));
    const shown = kiosk.next('helmet:session');
    expectOk(await officer.send('helmet:offer', { stopId: stop.id }));
    const [session] = await shown;
    expect(session.video).toMatchObject({ id: registered.id, url: expect.stringMatching(/^\/uploads\/[0-9a-f]{20}\.webm$/), captionsUrl: expect.stringMatching(/^\/uploads\/[0-9a-f]{20}\.vtt$/) });

    const ranged = await fetch(core.url + session.video.url, { headers: { Range: 'bytes=0-99' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-type')).toBe('video/webm');
    expect(Buffer.from(await ranged.arrayBuffer()).equals(resource('test-short.webm').subarray(0, 100))).toBe(true);
    const captions = await fetch(core.url + session.video.captionsUrl!);
    expect(await captions.text()).toBe(resource('test-short.zh.vtt').toString('utf8'));

    // Assigned, so it cannot be switched off; once another video is assigned it can.
    expect(await admin.send('content:setVideoActive', { videoId: registered.id, active: false })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('首次违法者当前观看的视频') },
    });
    expectOk(await admin.send('content:assignVideo', { group: 'first', videoId: 'helmet-saves-lives' }));
    expect(expectOk(await admin.send('content:setVideoActive', { videoId: registered.id, active: false })).active).toBe(false);
    expect(audits(core, 'content.video.deactivate')).toBe(1);
  });

  it('a backup carries the uploaded files; a restore onto a data dir without them puts them back', async () => {
    const core = await start();
    const admin = await signIn(core, '900001');
    const video = await uploadTestVideo(core, admin);
    const backup = expectOk(await admin.send('backup:run', {}));
    const files = [video.files.videoFile, video.files.captionsFile];
    for (const f of files) expect(existsSync(join(dirname(backup.file.path), 'media', f))).toBe(true);
    // As on a new PC: the database comes back from the backup, the media folder is empty.
    const media = join(core.dataDir, 'media');
    rmSync(media, { recursive: true });
    expectOk(await admin.send('backup:restore', { path: backup.file.path }));
    for (const f of files) {
      expect(existsSync(join(media, f))).toBe(true);
      expect((await fetch(`${core.url}/uploads/${f}`)).status).toBe(200);
    }
  });

  it('a bad upload or registration gets a clear Chinese reason and changes nothing', async () => {
    const core = await start();
    const admin = await signIn(core, '900001');
    const before = snapshot(core);
    const media = () => readdirSync(join(core.dataDir, 'media'));

    // Captions renamed as a video, and a text file as captions: judged by their bytes.
    const fakeVideo = await upload(core, 'video', resource('test-short.zh.vtt'), admin.token);
    expect(fakeVideo).toMatchObject({ status: 422, reply: { ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('不是 WebM 或 MP4 视频') } } });
    const textCaptions = await upload(core, 'captions', Buffer.from('头盔很重要\n请佩戴\n'), admin.token);
    expect(textCaptions).toMatchObject({ status: 422, reply: { ok: false, error: { message: expect.stringContaining('不是 WebVTT 字幕') } } });
    expect(media()).toEqual([]);

    // Uploads that passed, then registrations the core refuses.
    const video = uploaded(await upload(core, 'video', resource('test-short.webm'), admin.token));
    const longCaptions = uploaded(await upload(core, 'captions', resource('helmet-saves-lives.zh.vtt'), admin.token));
    const afterUploads = snapshot(core);
    const refusals: [Record<string, unknown>, string][] = [
      [{ title: '', videoFile: video.file, captionsFile: longCaptions.file }, '请填写视频标题'],
      [{ title: '一'.repeat(41), videoFile: video.file, captionsFile: longCaptions.file }, '视频标题最多 40 个字'],
      [{ title: '无字幕', videoFile: video.file }, '请先上传字幕文件'],
      [{ title: '路径', videoFile: '../greenpost.db', captionsFile: longCaptions.file }, '视频文件名无效'],
      [{ title: '不存在', videoFile: `${'0'.repeat(20)}.webm`, captionsFile: longCaptions.file }, '视频文件不存在'],
      // The 2½-minute video's captions do not fit the 6-second video.
      [{ title: '字幕不符', videoFile: video.file, captionsFile: longCaptions.file }, '超过视频时长'],
    ];
    for (const [payload, message] of refusals) {
      expect(await admin.raw('content:registerVideo', payload), message).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining(message) } });
    }
    expect(snapshot(core)).toBe(afterUploads);
    // The refused HTTP uploads wrote no audit row either: only the two that passed did.
    expect(audits(core, 'content.upload')).toBe(2);
    expect(before).not.toBe(afterUploads);
  });

  it('only assigns active, real, non-test videos, through 内容 and through 设置 alike', async () => {
    const core = await start();
    const admin = await signIn(core, '900001');
    const registered = await uploadTestVideo(core, admin);
    expectOk(await admin.send('content:setVideoActive', { videoId: registered.id, active: false }));
    const before = snapshot(core);
    expect(await admin.send('content:assignVideo', { group: 'repeat', videoId: registered.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('已停用') } });
    expect(await admin.send('content:assignVideo', { group: 'first', videoId: 'test-short' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('仅供自动化测试') } });
    expect(await admin.send('content:assignVideo', { group: 'first', videoId: 'nope' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('不存在') } });
    expect(await admin.raw('content:assignVideo', { group: 'everyone', videoId: 'helmet-saves-lives' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('请选择首次或再次违法者') } });
    expect(await admin.send('settings:update', { helmetVideoRepeat: 'nope' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('不存在') } });
    expect(await admin.send('content:setVideoActive', { videoId: 'helmet-saves-lives', active: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshot(core)).toBe(before);
    // Re-enabled, it can be assigned; the same file cannot be registered twice.
    expectOk(await admin.send('content:setVideoActive', { videoId: registered.id, active: true }));
    expect(expectOk(await admin.send('content:assignVideo', { group: 'repeat', videoId: registered.id })).helmetVideoRepeat).toBe(registered.id);
    expect(await admin.send('content:registerVideo', { title: '再次登记', ...registered.files })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('该视频已登记为「测试上传视频」') },
    });
    const list = expectOk(await admin.send('content:list', {}));
    const video = list.videos.find((v) => v.id === registered.id)!;
    expect(video).toMatchObject({ active: true, assignedTo: ['repeat'] });
  });
});

describe('管理 → 内容: uploads never registered', () => {
  it('are removed by the daily job once a day old; the files videos use stay', async () => {
    const core = await start();
    const admin = await signIn(core, '900001');
    const registered = await uploadTestVideo(core, admin);
    // Uploaded, then never registered (or its registration was refused).
    const orphan = uploaded(
      await upload(
        core,
        'captions',
        Buffer.from('WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n未登记的字幕\n'),
        admin.token,
      ),
    );
    const files = () => readdirSync(join(core.dataDir, 'media')).sort();
    expect(files()).toContain(orphan.file);

    // The daily job on the day of the upload leaves it: the admin may still register it.
    now = Date.now();
    const daily = startMaintenance(core.core, 3_600_000);
    await daily.tick();
    expect(files()).toContain(orphan.file);
    expect(audits(core, 'content.media.sweep')).toBe(0);

    // A day later it is gone, audited, and the registered video and captions are untouched. The tick
    // is at the daily time two post days on, so the job is due whatever the hour the suite runs at.
    const { backupTime, timeZone } = readSettings(core.core.db);
    const [hour, minute] = backupTime.split(':').map(Number) as [number, number];
    now = zonedEpoch({ ...localParts(Date.now() + 2 * UNREGISTERED_GRACE_MS, timeZone), hour, minute, second: 30 }, timeZone);
    expect(now - Date.now()).toBeGreaterThan(UNREGISTERED_GRACE_MS);
    await daily.tick();
    daily.stop();
    expect(files()).toEqual([registered.files.videoFile, registered.files.captionsFile].sort());
    const sweep = core.core.db
      .prepare("SELECT actor, details FROM audit_log WHERE action = 'content.media.sweep'")
      .all() as { actor: string; details: string }[];
    expect(sweep).toHaveLength(1);
    expect(sweep[0]).toMatchObject({ actor: 'system:daily' });
    expect(JSON.parse(sweep[0]!.details)).toEqual({ removed: [orphan.file] });
  });
});

describe('管理 → 内容: quiz bank', () => {
  const draft = { question: '骑电动自行车应当佩戴什么？', options: ['安全头盔', '棒球帽', '什么都不戴'], answer: 0, videoId: 'helmet-saves-lives' };

  it('adds, edits and deactivates questions; bad input is refused with Chinese messages and nothing is written', async () => {
    const core = await start();
    const admin = await signIn(core, '900001');
    const added = expectOk(await admin.send('content:addQuestion', draft));
    expect(added).toMatchObject({ ...draft, active: true });
    expect(audits(core, 'content.question.add')).toBe(1);

    const before = snapshot(core);
    const bad: [unknown, string][] = [
      [{ ...draft, question: '  ' }, '请填写题目'],
      [{ ...draft, options: ['安全头盔'] }, '至少需要 2 个选项'],
      [{ ...draft, options: ['1', '2', '3', '4', '5', '6', '7'] }, '最多 6 个选项'],
      [{ ...draft, options: ['安全头盔', ''] }, '选项不能为空'],
      [{ ...draft, options: ['安全头盔', '安全头盔'] }, '选项不能重复'],
      [{ ...draft, answer: 3 }, '正确答案必须是其中一个选项'],
      [{ ...draft, videoId: 'no-such-video' }, '关联的视频不存在'],
      [{ ...draft, extra: 1 }, ''],
    ];
    for (const [payload, message] of bad) {
      const reply = await admin.raw('content:addQuestion', payload);
      expect(reply, message).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining(message) } });
      expect(await admin.raw('content:editQuestion', { questionId: added.id, draft: payload })).toMatchObject({ ok: false });
    }
    expect(await admin.send('content:editQuestion', { questionId: 'nope', draft })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(snapshot(core)).toBe(before);

    const edited = expectOk(await admin.send('content:editQuestion', { questionId: added.id, draft: { ...draft, options: ['棒球帽', '安全头盔'], answer: 1, videoId: null } }));
    expect(edited).toMatchObject({ options: ['棒球帽', '安全头盔'], answer: 1, videoId: null, active: true });
    expect(edited.id).not.toBe(added.id);
    const list = expectOk(await admin.send('content:list', {}));
    expect(list.questions.map((q) => q.id)).toContain(edited.id);
    expect(list.questions.map((q) => q.id)).not.toContain(added.id);
    // The old version is retired, not deleted, and cannot be edited again.
    expect(await admin.send('content:editQuestion', { questionId: added.id, draft })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    expect(expectOk(await admin.send('content:setQuestionActive', { questionId: edited.id, active: false })).active).toBe(false);
    expect(audits(core, 'content.question.deactivate')).toBe(1);
    expect(core.core.db.prepare('SELECT COUNT(*) FROM quiz_questions WHERE active = 1').pluck().get()).toBe(30);
  });

  it('keeps at least one quiz worth of active questions', async () => {
    const core = await start();
    const admin = await signIn(core, '900001');
    const { questions, minActiveQuestions } = expectOk(await admin.send('content:list', {}));
    expect(minActiveQuestions).toBe(8);
    const active = questions.filter((q) => q.active);
    for (const q of active.slice(0, active.length - minActiveQuestions)) expectOk(await admin.send('content:setQuestionActive', { questionId: q.id, active: false }));
    const last = active[active.length - 1]!;
    expect(await admin.send('content:setQuestionActive', { questionId: last.id, active: false })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('启用的题目不能少于 8 道') },
    });
  });

  it('an edit made while a rider answers does not change the quiz already drawn', async () => {
    const core = await start();
    const admin = await signIn(core, '900001');
    const registered = await uploadTestVideo(core, admin);
    expectOk(await admin.send('content:assignVideo', { group: 'first', videoId: registered.id }));
    const officer = await signIn(core, '900003');
    const { kiosk } = await pairedKiosk(core.url, officer);
    clients.push(kiosk);
    const stop = expectOk(await officer.send('helmet:create', { vehicle: 'ebike', plate: '鲁PD5678' }));
    const shown = kiosk.next('helmet:session');
    expectOk(await officer.send('helmet:offer', { stopId: stop.id }));
    const [offered] = await shown;
    expectOk(await kiosk.send('helmet:choose', { sessionId: offered.id, choice: 'education' }));
    let state: { phase: string } = { phase: 'video' };
    for (let position = 0; state.phase === 'video' && position < 30; position++) {
      state = expectOk(await kiosk.send('helmet:heartbeat', { sessionId: offered.id, position: Math.min(position, registered.durationSeconds), state: position >= registered.durationSeconds ? 'ended' : 'playing' }));
      now += 1000;
    }
    const quiz = expectOk(await kiosk.send('helmet:kioskState', {})) as KioskSession;
    expect(quiz.phase).toBe('quiz');
    const drawn = quiz.quiz!.questions;
    const answers = correctAnswers(core, drawn.map((q) => q.id));

    // The admin rewrites the first drawn question (new answer) and switches off the second.
    const [first, second] = drawn;
    const original = expectOk(await admin.send('content:list', {})).questions.find((q) => q.id === first!.id)!;
    const rewritten = { question: `${original.question}（修订）`, options: [...original.options].reverse(), answer: original.options.length - 1 - original.answer, videoId: original.videoId };
    expectOk(await admin.send('content:editQuestion', { questionId: first!.id, draft: rewritten }));
    expectOk(await admin.send('content:setQuestionActive', { questionId: second!.id, active: false }));

    const still = expectOk(await kiosk.send('helmet:kioskState', {})) as KioskSession;
    expect(still.quiz!.questions).toEqual(drawn);
    const scored = expectOk(await kiosk.send('helmet:quizAnswers', { sessionId: offered.id, answers }));
    expect(scored).toMatchObject({ phase: 'pledge', lastQuiz: { correct: drawn.length, total: drawn.length, passed: true } });
  });
});

describe('access', () => {
  it('refuses every content event to officers and chiefs, and to anonymous uploads', async () => {
    const core = await start();
    const officers = [await signIn(core, '900003'), await signIn(core, '900002')];
    const before = snapshot(core);
    for (const client of officers) {
      expect(await client.send('content:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await client.send('content:addQuestion', draftOf())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await client.send('content:assignVideo', { group: 'first', videoId: 'rules-and-crash' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await client.send('content:setVideoActive', { videoId: 'rules-and-crash', active: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await upload(core, 'video', resource('test-short.webm'), client.token)).toMatchObject({ status: 403, reply: { ok: false, error: { code: 'FORBIDDEN' } } });
    }
    const anonymous = await fetch(`${core.url}/api/upload?kind=video`, { method: 'POST', body: resource('test-short.webm') });
    expect(anonymous.status).toBe(401);
    expect(snapshot(core)).toBe(before);
  });
});

function draftOf() {
  return { question: '题目', options: ['甲', '乙'], answer: 0, videoId: null };
}
