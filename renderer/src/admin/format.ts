import { formatLocal } from '../../../shared/domain/time';

/** Times in the post's time zone (settings), whatever the browser's own, written as everywhere else: 2026-11-25 16:20:05. */
export const formatTime = (at: number, timeZone: string): string => formatLocal(at, timeZone, true);

export const formatDate = (at: number, timeZone: string): string => formatLocal(at, timeZone).slice(0, 10);

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
