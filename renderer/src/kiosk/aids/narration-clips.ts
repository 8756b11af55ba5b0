import { NARRATION_URL, type NarrationManifest } from '../../../../shared/domain/narration';

/** Text → clip URL, from the manifest the core serves beside the clips (resources/narration). */
export type NarrationClips = ReadonlyMap<string, string>;

let loading: Promise<NarrationClips> | undefined;

/**
 * Fetched once per page and kept: the clips ship with the app and change only with it. A failed fetch
 * yields no clips (every 朗读 shows 暂无语音) and is tried again the next time a rider's session starts.
 */
export function loadNarrationClips(): Promise<NarrationClips> {
  loading ??= fetch(`${NARRATION_URL}manifest.json`)
    .then((r) => (r.ok ? (r.json() as Promise<NarrationManifest>) : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((m) => new Map(m.clips.map((c) => [c.text, `${NARRATION_URL}${encodeURIComponent(c.file)}`])))
    .catch(() => {
      loading = undefined;
      return new Map<string, string>();
    });
  return loading;
}
