import type { ErrorCode } from '../../shared/contract/result';

/** Thrown by handlers and domain code; the router turns it into a typed `{ ok: false }` ack. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const validation = (message: string, details?: unknown) => new DomainError('VALIDATION', message, details);
export const notFound = (message: string) => new DomainError('NOT_FOUND', message);
export const conflict = (message: string, details?: unknown) => new DomainError('CONFLICT', message, details);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);

/** SQLite failures the officer must hear about in words, not as a stack trace. */
export function storageMessage(err: unknown): string | undefined {
  const code = (err as { code?: unknown })?.code;
  if (code === 'SQLITE_FULL') return '磁盘空间不足，记录未保存 / disk full: nothing was saved';
  if (typeof code !== 'string') return undefined;
  // Extended codes name the cause (SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE, …); the officer needs the family.
  if (code.startsWith('SQLITE_READONLY')) return '数据库只读，记录未保存 / database is read-only: nothing was saved';
  // A write refused by the file system (a read-only or immutable file, a failing disk) surfaces as IOERR_WRITE.
  if (code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR_FSYNC')
    return '磁盘无法写入（只读或故障），记录未保存 / the disk refused the write (read-only or failing): nothing was saved';
  if (code.startsWith('SQLITE_IOERR')) return '磁盘读写错误，记录未保存 / disk I/O error: nothing was saved';
  if (code === 'SQLITE_BUSY') return '数据库繁忙，请重试 / database busy, try again';
  return undefined;
}
