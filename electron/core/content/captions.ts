import { ContentError } from './video-facts';

export interface CaptionFacts {
  cues: number;
  /** End of the last cue, in seconds. */
  lastEnd: number;
}

export const MAX_CAPTION_BYTES = 512 * 1024;

const timestamp = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const seconds = (t: string): number | undefined => {
  const m = timestamp.exec(t);
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000 : undefined;
};

/**
 * Checks WebVTT captions the kiosk will show: UTF-8, the `WEBVTT` signature, at least one cue, every
 * cue timing well formed and ordered start < end. With a video's duration, the captions may not run
 * past its end (a caption file meant for another video).
 */
export function checkCaptions(bytes: Buffer, videoSeconds?: number): CaptionFacts {
  if (bytes.length > MAX_CAPTION_BYTES) throw new ContentError(`字幕文件过大（最大 ${MAX_CAPTION_BYTES / 1024} KB）`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ContentError('字幕文件不是 UTF-8 编码');
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) throw new ContentError('不是 WebVTT 字幕（第一行应为 WEBVTT）');
  let cues = 0;
  let lastEnd = 0;
  lines.forEach((line, i) => {
    if (!line.includes('-->')) return;
    const [startText, rest] = line.split('-->').map((s) => s.trim()) as [string, string];
    const start = seconds(startText);
    const end = seconds(rest.split(/[ \t]+/)[0] ?? '');
    if (start === undefined || end === undefined) throw new ContentError(`字幕第 ${i + 1} 行时间格式错误：${line.slice(0, 60)}`);
    if (end <= start) throw new ContentError(`字幕第 ${i + 1} 行结束时间不晚于开始时间`);
    cues++;
    lastEnd = Math.max(lastEnd, end);
  });
  if (cues === 0) throw new ContentError('字幕文件没有任何字幕条目');
  if (videoSeconds !== undefined && lastEnd > videoSeconds + 1)
    throw new ContentError(`字幕持续到 ${lastEnd.toFixed(1)} 秒，超过视频时长 ${videoSeconds.toFixed(1)} 秒`);
  return { cues, lastEnd };
}
