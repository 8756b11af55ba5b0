import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * What a video file is, read from its bytes (never its name): WebM (EBML with DocType "webm") or
 * MP4 (an `ftyp` box), and its duration from the container header (WebM Segment/Info/Duration,
 * MP4 moov/mvhd). Anything else, or a file whose duration cannot be read, is refused with a reason.
 */
export type VideoKind = 'webm' | 'mp4';

export interface VideoFacts {
  kind: VideoKind;
  durationSeconds: number;
}

export class ContentError extends Error {}

interface Reader {
  size: number;
  read(at: number, length: number): Buffer;
}

function openReader(file: string): Reader & { close(): void } {
  const fd = openSync(file, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    read(at, length) {
      const n = Math.max(0, Math.min(length, size - at));
      const buf = Buffer.alloc(n);
      if (n > 0) readSync(fd, buf, 0, n, at);
      return buf;
    },
    close: () => closeSync(fd),
  };
}

// ---- WebM (EBML) -------------------------------------------------------------------------------

const EBML = 0x1a45dfa3;
const DOC_TYPE = 0x4282;
const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;

/** An EBML variable-length integer at `pos`: its length, and its value with (id) or without (size) the marker. */
function vint(buf: Buffer, pos: number, keepMarker: boolean): { length: number; value: number; unknown: boolean } | undefined {
  const first = buf[pos];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23;
  if (pos + length > buf.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + buf[pos + i]!;
    allOnes &&= buf[pos + i] === 0xff;
  }
  return { length, value, unknown: !keepMarker && allOnes };
}

interface Element {
  id: number;
  dataStart: number;
  dataEnd: number;
}

function* children(buf: Buffer, start: number, end: number): Generator<Element> {
  let pos = start;
  while (pos < end) {
    const id = vint(buf, pos, true);
    if (!id) return;
    const size = vint(buf, pos + id.length, false);
    if (!size) return;
    const dataStart = pos + id.length + size.length;
    const dataEnd = size.unknown ? end : dataStart + size.value;
    yield { id: id.value, dataStart, dataEnd: Math.min(dataEnd, end) };
    if (size.unknown) return;
    pos = dataEnd;
  }
}

const uint = (buf: Buffer, e: Element) => {
  let v = 0;
  for (let i = e.dataStart; i < e.dataEnd; i++) v = v * 256 + buf[i]!;
  return v;
};

function webmDuration(reader: Reader): number {
  // Info sits near the front (after the SeekHead); the first MiB holds it in any file a muxer wrote.
  const buf = reader.read(0, 1024 * 1024);
  const [header] = [...children(buf, 0, buf.length)];
  if (!header || header.id !== EBML) throw new ContentError('不是 WebM 文件');
  const docType = [...children(buf, header.dataStart, header.dataEnd)].find((e) => e.id === DOC_TYPE);
  if (!docType || buf.toString('latin1', docType.dataStart, docType.dataEnd).replace(/\0+$/, '') !== 'webm')
    throw new ContentError('是 Matroska 文件但不是 WebM');
  const segment = [...children(buf, header.dataEnd, buf.length)].find((e) => e.id === SEGMENT);
  const info = segment && [...children(buf, segment.dataStart, segment.dataEnd)].find((e) => e.id === INFO);
  if (!info) throw new ContentError('WebM 文件缺少 Info 段，无法读取时长');
  let scale = 1_000_000;
  let duration: number | undefined;
  for (const e of children(buf, info.dataStart, info.dataEnd)) {
    if (e.id === TIMECODE_SCALE) scale = uint(buf, e);
    if (e.id === DURATION) {
      const n = e.dataEnd - e.dataStart;
      duration = n === 4 ? buf.readFloatBE(e.dataStart) : n === 8 ? buf.readDoubleBE(e.dataStart) : undefined;
    }
  }
  // A live recording (e.g. MediaRecorder) leaves Duration out; such a file must be remuxed first.
  if (duration === undefined) throw new ContentError('WebM 文件没有记录时长（请用 ffmpeg 重新封装后再上传）');
  return (duration * scale) / 1e9;
}

// ---- MP4 (ISO BMFF) ----------------------------------------------------------------------------

interface Box {
  type: string;
  start: number;
  headerSize: number;
  end: number;
}

function* boxes(reader: Reader, start: number, end: number): Generator<Box> {
  let pos = start;
  while (pos + 8 <= end) {
    const head = reader.read(pos, 16);
    let size = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    let headerSize = 8;
    if (size === 1) {
      size = Number(head.readBigUInt64BE(8));
      headerSize = 16;
    } else if (size === 0) size = end - pos;
    if (size < headerSize) return;
    yield { type, start: pos, headerSize, end: Math.min(pos + size, end) };
    pos += size;
  }
}

function mp4Duration(reader: Reader): number {
  const moov = [...boxes(reader, 0, reader.size)].find((b) => b.type === 'moov');
  if (!moov) throw new ContentError('MP4 文件缺少 moov，无法读取时长（文件可能不完整）');
  const mvhd = [...boxes(reader, moov.start + moov.headerSize, moov.end)].find((b) => b.type === 'mvhd');
  if (!mvhd) throw new ContentError('MP4 文件缺少 mvhd，无法读取时长');
  const body = reader.read(mvhd.start + mvhd.headerSize, 32);
  const version = body[0];
  const timescale = version === 1 ? body.readUInt32BE(20) : body.readUInt32BE(12);
  const duration = version === 1 ? Number(body.readBigUInt64BE(24)) : body.readUInt32BE(16);
  if (!timescale) throw new ContentError('MP4 时长无效');
  return duration / timescale;
}

// ---- both --------------------------------------------------------------------------------------

export function sniffVideo(head: Buffer): VideoKind | undefined {
  if (head.length >= 4 && head.readUInt32BE(0) === EBML) return 'webm';
  if (head.length >= 12 && head.toString('latin1', 4, 8) === 'ftyp') return 'mp4';
  return undefined;
}

export function readVideoFacts(file: string): VideoFacts {
  const reader = openReader(file);
  try {
    const kind = sniffVideo(reader.read(0, 16));
    if (!kind) throw new ContentError('不是 WebM 或 MP4 视频（按文件内容判断，与文件名无关）');
    let durationSeconds: number;
    try {
      durationSeconds = kind === 'webm' ? webmDuration(reader) : mp4Duration(reader);
    } catch (err) {
      if (err instanceof ContentError) throw err;
      throw new ContentError(`视频文件已损坏，无法读取时长（${(err as Error).message}）`);
    }
    if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) throw new ContentError('视频时长无效');
    return { kind, durationSeconds: Math.round(durationSeconds * 1000) / 1000 };
  } finally {
    reader.close();
  }
}
