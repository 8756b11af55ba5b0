import Database from 'better-sqlite3';
import { createReadStream, createWriteStream, existsSync, statSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CarePhase, CareProgress, RestoreResult } from '../../../shared/contract/data-care';
import { appendAudit } from '../audit/chain';
import type { Core } from '../context';
import { DomainError, notFound, validation } from '../errors';
import { openKeyExport } from '../secrets/key-export';
import { adoptRiderSecret, riderKeyId, riderKeyOfFile, riderSecret, riderVault, settleRiderSecret } from '../secrets/rider-secret';
import { readSettings } from '../settings-store';
import { exclusively } from './care-lock';
import { removeDbFiles, syncFile } from './db-files';
import { restoreMedia } from './backup-media';
import { inspectBackup } from './inspect-backup';
import { fileStamp } from './local-time';
import { liveDbPath, replaceDatabase } from './replace-database';
import { putOutbox, takeOutbox } from '../city/outbox-carry';

export interface RestoreOptions {
  actor: string;
  onProgress?: (p: CareProgress) => void;
  /** The backup's rider key, as 导出密钥 saved it, when it is not the key in use here. */
  riderKey?: { content: string; passphrase: string };
  /** Restore with a new rider key: the backup's riders no longer match as repeat offenders. */
  withoutRiderKey?: boolean;
}

type KeyPlan = { kind: 'same' | 'carried' | 'new' } | { kind: 'imported'; secret: Buffer };

/**
 * Decided before anything is swapped, so a refusal changes nothing. A backup made before the key left
 * the database carries it (it is moved out after the swap); one keyed like this install needs
 * nothing; any other needs its key export, or the admin's explicit choice to go on without it.
 */
function planRiderKey(core: Core, staged: string, options: RestoreOptions): KeyPlan {
  const db = new Database(staged, { readonly: true, fileMustExist: true });
  let backup: ReturnType<typeof riderKeyOfFile>;
  try {
    backup = riderKeyOfFile(db);
  } finally {
    db.close();
  }
  if (backup.legacy) return { kind: 'carried' };
  const here = riderVault(core).load();
  if (!backup.keyId || (here && riderKeyId(here) === backup.keyId)) return { kind: 'same' };
  if (options.riderKey) {
    const { secret, keyId } = openKeyExport(options.riderKey.content, options.riderKey.passphrase);
    if (keyId !== backup.keyId) throw validation(`这个密钥文件（${keyId}）不属于该备份（${backup.keyId}），当前数据未改动`);
    return { kind: 'imported', secret };
  }
  if (options.withoutRiderKey) return { kind: 'new' };
  throw validation(
    '该备份使用另一把骑手密钥：请提供它导出的密钥文件和口令；或选择不带密钥恢复（此前骑手的再次违法将无法识别）。当前数据未改动',
    { reason: 'riderKeyNeeded', keyId: backup.keyId },
  );
}

async function copyWithProgress(from: string, to: string, onPercent: (percent: number) => void): Promise<void> {
  const total = Math.max(1, statSync(from).size);
  let copied = 0;
  let shown = -1;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      copied += chunk.length;
      const percent = Math.floor((copied / total) * 40);
      if (percent !== shown) onPercent((shown = percent));
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(from), meter, createWriteStream(to, { flags: 'wx' }));
  // A -wal beside a copied live database holds its latest commits; it comes along.
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
  syncFile(to);
}

/**
 * Every screen starts over against the restored database. Sockets lose their identity at once (no
 * event is served on a stale principal) and, once this turn's acks are written, their transports
 * are closed: a socket.io client reconnects by itself after a transport close, and its reconnection
 * re-identifies it and brings a fresh `core:hello`, which is how every screen resyncs.
 */
function restartEveryScreen(core: Core, info: { at: number; restoredFrom: string }): void {
  for (const socket of core.io.sockets.sockets.values()) {
    socket.data.principal = { kind: 'anonymous' };
    socket.data.sessionHash = undefined;
    for (const room of [...socket.rooms]) if (room !== socket.id) void socket.leave(room);
    socket.emit('data:restored', info);
  }
  setImmediate(() => {
    for (const socket of core.io.sockets.sockets.values()) socket.conn.close();
  });
}

/**
 * Restores a backup from a file on the core machine: copies it beside the live database, checks the
 * copy (integrity, schema version, audit chain), keeps the live database under a timestamped name,
 * swaps the copy in and reopens. Any refusal leaves the live database exactly as it was.
 */
export function restoreFromFile(core: Core, path: string, options: RestoreOptions): Promise<RestoreResult> {
  return exclusively(core, 'restore', async () => {
    const source = resolve(path);
    const live = liveDbPath(core);
    if (source === live || source.startsWith(`${live}-`)) throw validation('这是正在使用的数据库，不能用它恢复');
    if (!existsSync(source) || !statSync(source).isFile()) throw notFound(`找不到备份文件：${source}`);
    const emit = (phase: CarePhase, percent: number, message?: string) =>
      options.onProgress?.({ operation: 'restore', phase, percent, ...(message ? { message } : {}) });
    const stamp = fileStamp(core.clock(), readSettings(core.db).timeZone);
    const staged = join(core.options.dataDir, `restore-staging-${stamp}.db`);
    const keptAs = join(core.options.dataDir, `greenpost-before-restore-${stamp}.db`);
    removeDbFiles(staged);
    let swapped = false;
    try {
      emit('copy', 0);
      await copyWithProgress(source, staged, (p) => emit('copy', p));
      const steps: Record<string, number> = { integrity: 45, schema: 70, audit: 75 };
      const verdict = inspectBackup(staged, (phase) => emit(phase, steps[phase] ?? 50));
      const key = planRiderKey(core, staged, options);
      emit('swap', 90);
      // Read and put back with no await between: no booth write can land in between.
      const outbox = takeOutbox(core.db, staged);
      replaceDatabase(core, staged, keptAs);
      swapped = true;
      putOutbox(core.db, outbox);
      settleRiderSecret(core);
      if (key.kind === 'imported') adoptRiderSecret(core, key.secret);
      // Made now, so the audit shows the new key at the restore, not at the next stop.
      if (key.kind === 'new') riderSecret(core);
      const db = core.db;
      const media = restoreMedia(db, core.options.dataDir, source);
      if (media.missing.length) core.log('warn', 'restore: uploaded media not found beside the backup', { missing: media.missing });
      const now = core.clock();
      const details = { from: source, keptAs, schemaVersion: verdict.schemaVersion, auditCount: verdict.auditCount, media, riderKey: key.kind };
      db.transaction(() => appendAudit(db, { actor: options.actor, action: 'backup.restore', entity: 'backup', entityId: source, details }, now))();
      emit('done', 100);
      restartEveryScreen(core, { at: now, restoredFrom: source });
      return { restoredFrom: source, keptAs, schemaVersion: verdict.schemaVersion, auditCount: verdict.auditCount };
    } catch (err) {
      removeDbFiles(staged);
      const message = err instanceof Error ? err.message : String(err);
      emit('failed', 100, message);
      if (err instanceof DomainError) throw err;
      throw new DomainError('INTERNAL', swapped ? `已恢复，但记录审计时出错：${message}` : `恢复失败，当前数据未改动：${message}`);
    }
  });
}
