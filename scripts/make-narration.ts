/**
 * GreenPost 绿岗 — makes the kiosk's read-aloud clips (朗读) from the texts it shows.
 *
 *   npm run make-narration      # = node --import tsx scripts/make-narration.ts
 *
 * Input : scripts/narration-texts.ts (choice screen, default legal text, every seeded quiz question and answer)
 * Output: resources/narration/<sha256[0:16]>.ogg   Opus in Ogg, mono, 16 kb/s, one per text
 *         resources/narration/manifest.json         voice + { text, sha256, file, durationSec } per clip
 * Clips whose text is no longer shown are deleted. Offline: espeak-ng makes the voice, ffmpeg encodes.
 *
 * Needs: espeak-ng (voice cmn-latn-pinyin, as scripts/make-videos.sh) and ffmpeg/ffprobe with libopus.
 *   Debian: apt-get install -y espeak-ng ffmpeg
 * Deterministic: the same texts and tool versions give byte-identical files (bitexact Ogg mux).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { clipFileFor, type NarrationClip, type NarrationManifest } from '../shared/domain/narration';
import { shippedNarrationTexts } from './narration-texts';

const VOICE = 'cmn-latn-pinyin';
const SPEED = 165; // words per minute: a little under espeak-ng's 175, for riders who read slowly
const OUT = resolve(import.meta.dirname, '../resources/narration');

const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const work = mkdtempSync(join(tmpdir(), 'make-narration-'));
try {
  const espeak = run('espeak-ng', ['--version']).trim();
  mkdirSync(OUT, { recursive: true });
  const clips: NarrationClip[] = [];
  for (const text of await shippedNarrationTexts()) {
    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    const file = clipFileFor(sha256);
    const txt = join(work, `${sha256}.txt`);
    const wav = join(work, `${sha256}.wav`);
    writeFileSync(txt, text);
    run('espeak-ng', ['-v', VOICE, '-s', String(SPEED), '-w', wav, '-f', txt]);
    // 16 kb/s mono Opus (espeak-ng's voice is 22 kHz and plain; more bits buy nothing audible); the voice codec setting suits speech; bitexact so a rerun changes no byte.
    run('ffmpeg', [
      '-nostdin',
      '-v',
      'error',
      '-y',
      '-i',
      wav,
      '-af',
      'volume=-2dB',
      '-c:a',
      'libopus',
      '-b:a',
      '16k',
      '-application',
      'voip',
      '-ac',
      '1',
      '-ar',
      '48000',
      '-map_metadata',
      '-1',
      '-fflags',
      '+bitexact',
      '-flags:a',
      '+bitexact',
      '-f',
      'ogg',
      join(OUT, file),
    ]);
    const duration = Number(
      run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', join(OUT, file)]),
    );
    clips.push({ text, sha256, file, durationSec: Math.round(duration * 10) / 10 });
  }
  const keep = new Set(clips.map((c) => c.file));
  for (const name of readdirSync(OUT)) if (name.endsWith('.ogg') && !keep.has(name)) rmSync(join(OUT, name));
  const manifest: NarrationManifest = {
    voice: `${VOICE} ${SPEED} wpm, espeak-ng ${/\d+\.\d+(\.\d+)?/.exec(espeak)?.[0] ?? espeak}`,
    clips,
  };
  writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const bytes = clips.reduce((sum, c) => sum + statSync(join(OUT, c.file)).size, 0);
  console.log(`make-narration: ${clips.length} clips, ${bytes} bytes in resources/narration`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
