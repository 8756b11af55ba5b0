import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentVideo, RiderGroup, VideoAudience } from '../../../shared/contract/content';
import type { Settings } from '../../../shared/domain/settings';
import { appendAudit } from '../audit/chain';
import type { Core } from '../context';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { conflict, notFound, validation } from '../errors';
import { findVideo, type VideoRow } from '../helmet/content';
import { readSettings } from '../settings-store';
import { checkCaptions } from './captions';
import { mediaDir } from './upload';
import { ContentError, readVideoFacts } from './video-facts';

const groupSetting = { first: 'helmetVideoFirst', repeat: 'helmetVideoRepeat' } as const satisfies Record<RiderGroup, keyof Settings>;
const groupName: Record<RiderGroup, string> = { first: '首次违法者', repeat: '再次违法者' };

type LibraryRow = VideoRow & { added_at: number };

const assignedGroups = (settings: Settings, id: string): RiderGroup[] =>
  (Object.keys(groupSetting) as RiderGroup[]).filter((g) => settings[groupSetting[g]] === id);

function toContentVideo(v: LibraryRow, settings: Settings): ContentVideo {
  return {
    id: v.id,
    title: v.title,
    format: v.file.toLowerCase().endsWith('.mp4') ? 'mp4' : 'webm',
    durationSeconds: v.duration_seconds,
    hasCaptions: v.captions !== null,
    audience: v.audience as VideoAudience,
    source: v.source,
    active: v.active === 1,
    assignedTo: assignedGroups(settings, v.id),
    addedAt: v.added_at,
  };
}

const libraryRow = (db: Db, id: string) => findVideo(db, id) as LibraryRow | undefined;

/** Shipped videos first (in the manifest's order of arrival), then uploads, oldest first. */
export function listVideos(db: Db): ContentVideo[] {
  const settings = readSettings(db);
  const rows = stmt(db, "SELECT * FROM videos ORDER BY source = 'uploaded', added_at, rowid").all() as LibraryRow[];
  return rows.map((v) => toContentVideo(v, settings));
}

/** Reads a stored upload's facts again on the core's side; what the browser said about it is not trusted. */
function storedFile(core: Core, file: string, missing: string): string {
  const path = join(mediaDir(core), file);
  if (!existsSync(path)) throw validation(missing);
  return path;
}

/**
 * Registers an uploaded video with its captions. Both files must already sit in the media folder (the
 * upload checked them); here the video's duration is read again and the captions must fit inside it.
 * The same video file registered twice is refused: its id is derived from the file's content hash.
 */
export function registerVideo(core: Core, input: { title: string; videoFile: string; captionsFile: string }, actor: string): ContentVideo {
  const videoPath = storedFile(core, input.videoFile, '视频文件不存在，请重新上传视频');
  const captionsPath = storedFile(core, input.captionsFile, '字幕文件不存在，请重新上传字幕');
  let durationSeconds: number;
  try {
    durationSeconds = readVideoFacts(videoPath).durationSeconds;
    checkCaptions(readFileSync(captionsPath), durationSeconds);
  } catch (err) {
    if (err instanceof ContentError) throw validation(err.message);
    throw err;
  }
  const id = `up-${input.videoFile.slice(0, 12)}`;
  const now = core.clock();
  return core.db.transaction(() => {
    const existing = libraryRow(core.db, id);
    if (existing)
      throw conflict(`该视频已登记为「${existing.title}」${existing.active === 1 ? '' : '（已停用，可在列表中重新启用）'}`);
    stmt(core.db,
      `INSERT INTO videos (id, title, file, captions, duration_seconds, audience, active, added_at, source)
       VALUES (?, ?, ?, ?, ?, 'any', 1, ?, 'uploaded')`,
    ).run(id, input.title, input.videoFile, input.captionsFile, durationSeconds, now);
    appendAudit(
      core.db,
      { actor, action: 'content.video.register', entity: 'video', entityId: id, details: { title: input.title, file: input.videoFile, captions: input.captionsFile, durationSeconds } },
      now,
    );
    return toContentVideo(libraryRow(core.db, id)!, readSettings(core.db));
  })();
}

/** 停用 / 启用. A video a rider group is assigned (or the test override names) stays on. */
export function setVideoActive(db: Db, videoId: string, active: boolean, actor: string, now: number): ContentVideo {
  return db.transaction(() => {
    const video = libraryRow(db, videoId);
    if (!video) throw notFound('视频不存在');
    const settings = readSettings(db);
    if (video.active === (active ? 1 : 0)) return toContentVideo(video, settings);
    if (!active) {
      const groups = assignedGroups(settings, videoId);
      if (groups.length > 0)
        throw conflict(`「${video.title}」是${groups.map((g) => groupName[g]).join('和')}当前观看的视频，请先改选其他视频再停用`);
      if (settings.helmetVideoOverride === videoId) throw conflict(`「${video.title}」正被测试专用视频设置使用，不能停用`);
    }
    stmt(db, 'UPDATE videos SET active = ? WHERE id = ?').run(active ? 1 : 0, videoId);
    appendAudit(db, { actor, action: active ? 'content.video.activate' : 'content.video.deactivate', entity: 'video', entityId: videoId, details: { title: video.title } }, now);
    return toContentVideo(libraryRow(db, videoId)!, settings);
  })();
}

/**
 * Why a settings patch may not name the videos it names, or undefined: a rider group's video must
 * exist, be active and not be the automated tests' clip. Checked by every path that writes them
 * (管理 → 内容 and the generic settings save alike).
 */
export function videoSettingProblem(db: Db, patch: Partial<Settings>): string | undefined {
  for (const group of Object.keys(groupSetting) as RiderGroup[]) {
    const id = patch[groupSetting[group]];
    if (id === undefined) continue;
    const video = findVideo(db, id);
    if (!video) return `${groupName[group]}观看的视频「${id}」不存在`;
    if (video.active !== 1) return `「${video.title}」已停用，不能安排给${groupName[group]}`;
    if (video.audience === 'test') return `「${video.title}」仅供自动化测试使用，不能安排给${groupName[group]}`;
  }
  return undefined;
}

/** The settings patch that assigns a video to a rider group. */
export const assignmentPatch = (group: RiderGroup, videoId: string): Partial<Settings> => ({ [groupSetting[group]]: videoId });

export const assignments = (settings: Settings): Record<RiderGroup, string> => ({
  first: settings.helmetVideoFirst,
  repeat: settings.helmetVideoRepeat,
});
