import type { Ack } from './result';

/**
 * Media uploads go over HTTP, not socket.io: a message there is capped at 64 KB, while a warning
 * video is megabytes. `POST /api/upload?kind=video|captions`, the raw file as the body, the officer's
 * session token in the `Authorization: Bearer …` header (a header, not a cookie, so another site
 * cannot make the browser send it). The core streams the body to disk within a size limit, judges
 * the file by its bytes, and answers with an `Ack` like every socket event.
 */
export const UPLOAD_PATH = '/api/upload';
export const UPLOADS_URL = '/uploads/';
export const uploadKinds = ['video', 'captions'] as const;
export type UploadKind = (typeof uploadKinds)[number];

export interface UploadedMedia {
  kind: UploadKind;
  /** Stored name (content hash + extension) under `UPLOADS_URL`. */
  file: string;
  url: string;
  size: number;
  /** Videos: the container's format and duration. */
  format?: 'webm' | 'mp4';
  durationSeconds?: number;
  /** Captions: how many cues, and when the last one ends. */
  cues?: number;
  lastCueEnd?: number;
}

export type UploadReply = Ack<UploadedMedia>;
