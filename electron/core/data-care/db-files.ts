import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/** A SQLite database in WAL mode is up to three files; they move and go together. */
const SIDES = ['', '-wal', '-shm'] as const;

export function moveDbFiles(from: string, to: string): void {
  for (const side of SIDES) if (existsSync(from + side)) renameSync(from + side, to + side);
}

export function removeDbFiles(file: string): void {
  for (const side of SIDES) rmSync(file + side, { force: true });
}

/** Flushes a file, then its folder entry, so a rename survives a power cut (best effort on Windows). */
export function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  syncFolder(dirname(file));
}

export function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  }
}
