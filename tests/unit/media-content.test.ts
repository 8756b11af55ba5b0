import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCaptions } from '../../electron/core/content/captions';
import { readVideoFacts, sniffVideo } from '../../electron/core/content/video-facts';
import { root } from '../helpers/test-core';

const fixture = (name: string) => join(root, 'tests/fixtures/media', name);
const scratch = (name: string, bytes: Buffer | string) => {
  const f = join(mkdtempSync(join(tmpdir(), 'greenpost-media-')), name);
  writeFileSync(f, bytes);
  return f;
};

describe('video facts, read from the bytes', () => {
  // Durations as ffprobe reports them for the same files.
  it.each([
    ['tests/fixtures/media/tiny.webm', 'webm', 2.508],
    ['tests/fixtures/media/tiny.mp4', 'mp4', 2.5],
    ['resources/videos/helmet-saves-lives.webm', 'webm', 156.108],
  ])('%s is %s of %s s', (file, kind, seconds) => {
    expect(readVideoFacts(join(root, file))).toEqual({ kind, durationSeconds: seconds });
  });

  it('judges by content, not by name', () => {
    expect(() => readVideoFacts(scratch('clip.webm', readFileSync(join(root, 'package.json'))))).toThrow(/不是 WebM 或 MP4/);
    expect(readVideoFacts(scratch('clip.txt', readFileSync(fixture('tiny.mp4'))))).toMatchObject({ kind: 'mp4' });
    expect(sniffVideo(Buffer.from('GIF89a......'))).toBeUndefined();
  });

  it('refuses a truncated or damaged file with a reason', () => {
    const mp4 = readFileSync(fixture('tiny.mp4'));
    // Cut before the moov box ends: no duration can be read.
    expect(() => readVideoFacts(scratch('cut.mp4', mp4.subarray(0, 40)))).toThrow(/mvhd|moov|损坏/);
    const webm = readFileSync(fixture('tiny.webm'));
    expect(() => readVideoFacts(scratch('cut.webm', webm.subarray(0, 30)))).toThrow(/Info|时长|损坏/);
    // A Matroska file that is not WebM (DocType "matroska").
    const mkv = Buffer.from(webm);
    mkv.write('mkvx', mkv.indexOf('webm'), 'latin1');
    expect(() => readVideoFacts(scratch('x.webm', mkv))).toThrow(/不是 WebM/);
  });
});

describe('WebVTT captions', () => {
  const vtt = (body: string) => Buffer.from(`WEBVTT\n\n${body}`);

  it('counts cues of the shipped captions and checks them against the video length', () => {
    const captions = readFileSync(join(root, 'resources/videos/helmet-saves-lives.zh.vtt'));
    expect(checkCaptions(captions, 156.108)).toEqual({ cues: 39, lastEnd: 155.892 });
    expect(() => checkCaptions(captions, 2.5)).toThrow(/超过视频时长/);
  });

  it.each([
    ['no signature', Buffer.from('1\n00:00:01.000 --> 00:00:02.000\n你好\n'), /WEBVTT/],
    ['no cue', vtt('NOTE nothing here\n'), /没有任何字幕/],
    ['a bad timestamp', vtt('00:01.5 --> 00:02.000\n你好\n'), /时间格式错误/],
    ['end before start', vtt('00:00:03.000 --> 00:00:02.000\n你好\n'), /不晚于开始/],
    ['not UTF-8', Buffer.concat([Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3])]), /UTF-8/],
    ['too large', Buffer.alloc(600 * 1024, 0x41), /过大/],
  ])('refuses %s', (_label, bytes, message) => {
    expect(() => checkCaptions(bytes)).toThrow(message);
  });

  it('accepts a BOM, CRLF lines, hour-less timestamps and cue settings', () => {
    const text = '\uFEFFWEBVTT - 头盔\r\n\r\n00:01.000 --> 00:02.500 line:90%\r\n请佩戴头盔\r\n';
    expect(checkCaptions(Buffer.from(text))).toEqual({ cues: 1, lastEnd: 2.5 });
  });
});
