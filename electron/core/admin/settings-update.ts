import { accessSync, constants, mkdirSync } from 'node:fs';
import type { Settings } from '../../../shared/domain/settings';
import { settingLabel } from '../../../shared/domain/settings-fields';
import { appendAudit } from '../audit/chain';
import { rooms, type Core } from '../context';
import { validation } from '../errors';
import { readSettings, writeSettings } from '../settings-store';
import { videoSettingProblem } from '../content/video-library';

/** A folder the core can write to, created if missing; otherwise a message saying why not. */
export function folderProblem(folder: string): string | undefined {
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
    return undefined;
  } catch (err) {
    return `${settingLabel('backupFolder')}：无法写入 ${folder}（${(err as NodeJS.ErrnoException).code ?? 'error'}）`;
  }
}

/**
 * Saves a validated patch with one audit row naming each changed key (old → new), then tells every
 * officer and kiosk screen. Checks that need the machine (a writable backup folder) happen first,
 * so a refused save changes nothing.
 */
export function updateSettings(core: Core, patch: Partial<Settings>, actor: string): Settings {
  if (patch.backupFolder) {
    const problem = folderProblem(patch.backupFolder);
    if (problem) throw validation(problem);
  }
  const now = core.clock();
  const saved = core.db.transaction(() => {
    const videoProblem = videoSettingProblem(core.db, patch);
    if (videoProblem) throw validation(videoProblem);
    const before = readSettings(core.db);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(patch) as [keyof Settings, unknown][]) {
      if (value !== undefined && JSON.stringify(before[key]) !== JSON.stringify(value)) changes[key] = { from: before[key], to: value };
    }
    if (Object.keys(changes).length === 0) return undefined;
    const next = writeSettings(core.db, patch);
    appendAudit(core.db, { actor, action: 'settings.update', entity: 'settings', entityId: 'post', details: changes }, now);
    return next;
  })();
  if (!saved) return readSettings(core.db);
  core.io.to([rooms.officers, rooms.kiosks]).emit('settings:changed', saved);
  return saved;
}
