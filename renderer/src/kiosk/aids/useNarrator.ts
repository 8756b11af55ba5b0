import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { loadNarrationClips, type NarrationClips } from './narration-clips';

/** What is being read: which 朗读 button started it, and which of its texts is playing. */
export interface Reading {
  key: string;
  index: number;
}

export interface Narrator {
  /** Null until the manifest has loaded. */
  clips: NarrationClips | null;
  reading: Reading | null;
  /** A clip that would not play (a refused play(), a broken file): the rider is told. */
  failed: boolean;
  /** True when every text has a clip. */
  canRead(texts: readonly string[]): boolean;
  read(key: string, texts: readonly string[]): void;
  stop(): void;
  /** Stops the reading only if it is `key`'s (a 朗读 button leaving the screen). */
  release(key: string): void;
}

/**
 * One <audio> for the whole kiosk (the caller renders it with `audio` as its ref), playing a screen's clips
 * one after another. The rider's first touch is a tap, so Chromium's autoplay policy allows play(); a
 * refusal is shown all the same, never swallowed. The clips' manifest is (re)loaded when a rider arrives.
 */
export function useNarrator(riderPresent: boolean): {
  narrator: Narrator;
  audio: React.RefObject<HTMLAudioElement | null>;
} {
  const audio = useRef<HTMLAudioElement>(null);
  const [clips, setClips] = useState<NarrationClips | null>(null);
  const [reading, setReading] = useState<Reading | null>(null);
  const [failed, setFailed] = useState(false);
  const queue = useRef<{ key: string; urls: string[]; index: number } | null>(null);

  useEffect(() => {
    if (!riderPresent) return;
    let live = true;
    void loadNarrationClips().then((c) => live && setClips(c));
    return () => {
      live = false;
    };
  }, [riderPresent]);

  const stop = useCallback(() => {
    queue.current = null;
    setReading(null);
    setFailed(false);
    const el = audio.current;
    if (el) {
      el.pause();
      el.removeAttribute('src');
      el.load();
    }
  }, [audio]);

  const release = useCallback(
    (key: string) => {
      if (queue.current?.key === key) stop();
    },
    [stop],
  );

  const playCurrent = useCallback(() => {
    const q = queue.current;
    const el = audio.current;
    if (!q || !el) return;
    setReading({ key: q.key, index: q.index });
    el.src = q.urls[q.index]!;
    el.play().catch((err: unknown) => {
      // A pause() or a new src interrupting this clip rejects with AbortError: that is no failure.
      if (err instanceof DOMException && err.name === 'AbortError') return;
      if (queue.current === q) {
        queue.current = null;
        setReading(null);
        setFailed(true);
      }
    });
  }, [audio]);

  useEffect(() => {
    const el = audio.current;
    if (!el) return;
    const next = () => {
      const q = queue.current;
      if (!q) return;
      if (q.index + 1 < q.urls.length) {
        q.index++;
        playCurrent();
      } else stop();
    };
    const broken = () => {
      if (!queue.current) return;
      queue.current = null;
      setReading(null);
      setFailed(true);
    };
    el.addEventListener('ended', next);
    el.addEventListener('error', broken);
    return () => {
      el.removeEventListener('ended', next);
      el.removeEventListener('error', broken);
    };
  }, [audio, playCurrent, stop]);

  const canRead = useCallback(
    (texts: readonly string[]) => clips !== null && texts.length > 0 && texts.every((t) => clips.has(t)),
    [clips],
  );

  const read = useCallback(
    (key: string, texts: readonly string[]) => {
      if (!clips || !texts.every((t) => clips.has(t))) return;
      setFailed(false);
      queue.current = { key, urls: texts.map((t) => clips.get(t)!), index: 0 };
      playCurrent();
    },
    [clips, playCurrent],
  );

  const narrator = useMemo(
    () => ({ clips, reading, failed, canRead, read, stop, release }),
    [clips, reading, failed, canRead, read, stop, release],
  );
  return { narrator, audio };
}
