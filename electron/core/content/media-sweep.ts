import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appendAudit } from '../audit/chain';
import type { Core } from '../context';
import { uploadedFiles } from '../data-care/backup-media';
import { mediaDir } from './upload';

/** An upload is given a day to be registered as a video before its file counts as abandoned. */
export const UNREGISTERED_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes uploaded files no video refers to once they are a day old: an upload whose registration
 * was refused, or never made, would otherwise stay in `<data>/media` for ever. Files a video row
 * names (active or not) are never touched. Audited when anything is removed; returns the files removed.
 */
export function sweepUnregisteredMedia(core: Core, actor: string): string[] {
  const dir = mediaDir(core);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // no uploads yet
  }
  // The files backups carry: every uploaded video and captions file a video row names.
  const referenced = new Set(uploadedFiles(core.db));
  const cutoff = core.clock() - UNREGISTERED_GRACE_MS;
  const removed = names.filter((name) => {
    const file = join(dir, name);
    if (referenced.has(name) || statSync(file).mtimeMs > cutoff) return false;
    rmSync(file, { force: true });
    return true;
  });
  if (removed.length)
    core.db.transaction(() =>
      appendAudit(
        core.db,
        {
          actor,
          action: 'content.media.sweep',
          entity: 'media',
          // One file is named; several are counted (every name is in the details).
          entityId: removed.length === 1 ? removed[0]! : `${removed.length} files`,
          details: { removed },
        },
        core.clock(),
      ),
    )();
  return removed;
}
