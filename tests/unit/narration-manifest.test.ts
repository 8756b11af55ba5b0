import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clipFileFor, type NarrationManifest } from '../../shared/domain/narration';
import { shippedNarrationTexts } from '../../scripts/narration-texts';
import { root } from '../helpers/test-core';

// The kiosk's 朗读 clips: if a shipped text changes (i18n, the default legal text, the quiz bank), this
// fails until `npm run make-narration` is run again and its output committed.
const dir = join(root, 'resources/narration');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as NarrationManifest;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('narration manifest (resources/narration)', () => {
  it('has a clip for every text the kiosk reads as shipped', async () => {
    const texts = await shippedNarrationTexts();
    expect(texts.length).toBeGreaterThan(100);
    const known = new Set(manifest.clips.map((c) => c.text));
    expect(texts.filter((t) => !known.has(t))).toEqual([]);
  });

  it('holds no clip for a text no longer shown (a stale clip)', async () => {
    const texts = new Set(await shippedNarrationTexts());
    expect(manifest.clips.map((c) => c.text).filter((t) => !texts.has(t))).toEqual([]);
  });

  it('names every clip from the hash of its exact text', () => {
    for (const clip of manifest.clips) {
      expect(clip.sha256, clip.text).toBe(sha256(clip.text));
      expect(clip.file, clip.text).toBe(clipFileFor(clip.sha256));
    }
    expect(new Set(manifest.clips.map((c) => c.file)).size).toBe(manifest.clips.length);
  });

  it('ships each clip as a non-empty Ogg Opus file, and no file the manifest does not name', () => {
    for (const clip of manifest.clips) {
      const file = join(dir, clip.file);
      expect(existsSync(file), clip.file).toBe(true);
      const bytes = readFileSync(file);
      expect(bytes.length, clip.file).toBeGreaterThan(1000);
      expect(bytes.subarray(0, 4).toString('latin1'), clip.file).toBe('OggS');
      expect(bytes.includes(Buffer.from('OpusHead')), clip.file).toBe(true);
      expect(clip.durationSec).toBeGreaterThan(0.3);
    }
    const named = new Set(manifest.clips.map((c) => c.file));
    expect(readdirSync(dir).filter((f) => f !== 'manifest.json' && !named.has(f))).toEqual([]);
  });

  it('stays small: under 2 MB in all', () => {
    const bytes = manifest.clips.reduce((sum, c) => sum + statSync(join(dir, c.file)).size, 0);
    expect(bytes).toBeLessThan(2_000_000);
  });
});
