import { z } from 'zod';
import { event } from './define';

export interface BackupFile {
  name: string;
  /** Full path on the core machine, as `backup:restore` takes it. */
  path: string;
  size: number;
  createdAt: number;
}

export interface BackupOutcome {
  at: number;
  ok: boolean;
  /** File written, or why it failed. */
  file?: string;
  message?: string;
  trigger: 'manual' | 'daily';
}

export interface BackupOverview {
  folder: string;
  files: BackupFile[];
  last?: BackupOutcome;
  /** When the next daily backup is due (epoch ms). */
  nextDailyAt: number;
  running: boolean;
  /** Where the rider key is kept (never in a backup) and its fingerprint, when one was made. */
  riderKey: { where: string; keyId?: string };
}

export interface RiderKeyExport {
  fileName: string;
  /** The key sealed with the passphrase (scrypt + AES-256-GCM), as JSON text. */
  content: string;
}

/** At least 8 characters: the export is only as strong as its passphrase. */
export const keyPassphrase = z.string().min(8, '口令至少 8 个字符').max(200, '口令最多 200 个字符');

export interface BackupResult {
  file: BackupFile;
  pages: number;
  ms: number;
  /** Old backups removed under the keep-N-days rule. */
  pruned: string[];
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the database that was live until now was kept. */
  keptAs: string;
  schemaVersion: number;
  auditCount: number;
}

export interface RetentionRun {
  at: number;
  cutoff: number;
  years: number;
  /** Helmet stops whose personal fields were wiped by this run. */
  wiped: number;
  trigger: 'manual' | 'daily';
}

export interface RetentionStatus {
  years: number;
  cutoff: number;
  /** Stops older than the cutoff still holding personal data; null when the helmet tables are absent. */
  pending: number | null;
  last?: RetentionRun;
}

export type CareOperation = 'backup' | 'restore';
export type CarePhase = 'copy' | 'verify' | 'integrity' | 'schema' | 'audit' | 'swap' | 'done' | 'failed';

export interface CareProgress {
  operation: CareOperation;
  phase: CarePhase;
  /** 0–100. */
  percent: number;
  message?: string;
}

export const dataCareEvents = {
  'backup:overview': event<BackupOverview>()(z.strictObject({}), 'admin'),
  'backup:run': event<BackupResult>()(z.strictObject({}), 'admin'),
  /** Checks the file (integrity, schema version, audit chain) before it replaces anything. */
  'backup:restore': event<RestoreResult>()(
    z.strictObject({
      path: z.string().trim().min(1, '请填写或选择备份文件路径').max(1000, '路径最多 1000 个字符'),
      /** Needed when the backup was keyed with another rider key (the refusal says so). */
      riderKey: z.strictObject({ content: z.string().max(10_000, '密钥文件过大'), passphrase: keyPassphrase }).optional(),
      withoutRiderKey: z.boolean().optional(),
    }),
    'admin',
  ),
  /** The rider key sealed with a passphrase, for restoring a backup on another PC. Audited. */
  'riderKey:export': event<RiderKeyExport>()(z.strictObject({ passphrase: keyPassphrase }), 'admin'),
  'retention:status': event<RetentionStatus>()(z.strictObject({}), 'admin'),
  'retention:run': event<RetentionRun>()(z.strictObject({}), 'admin'),
};
