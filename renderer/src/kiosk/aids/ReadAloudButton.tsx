import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRiderAids } from './rider-aids';
import { SpeakerIcon } from './SpeakerIcon';

export interface ReadAloudButtonProps {
  /** Which text this is (e.g. `quiz-q03`): a new key is a new text, and stops the old one's reading. */
  readingKey: string;
  texts: readonly string[];
  /** Accessible name, e.g. 朗读本题和选项. */
  label: string;
  /** Read by itself when it appears, while 自动朗读 is on (the screen's main text, not the legal small print). */
  auto?: boolean;
}

/**
 * 朗读 beside a text: plays its clips, or stops them. A text with no clip (edited by an admin after the
 * clips were made) shows a disabled 暂无语音 instead: nothing is ever read from a stale recording.
 */
export function ReadAloudButton({ readingKey, texts, label, auto = false }: ReadAloudButtonProps) {
  const { t } = useTranslation();
  const { narrator, autoRead } = useRiderAids();
  const { read, stop, release, canRead, clips } = narrator;
  const available = canRead(texts);
  const playing = narrator.reading?.key === readingKey;
  // Texts compared by value: a parent's fresh array each render is the same text.
  const joined = texts.join('\n');

  useEffect(() => {
    if (auto && autoRead && available) read(readingKey, joined.split('\n'));
  }, [auto, autoRead, available, read, readingKey, joined]);

  // Leaving the screen (or the question) ends its reading.
  useEffect(() => () => release(readingKey), [readingKey, release]);

  if (clips && !available)
    return (
      <button
        type="button"
        className="kiosk-aid kiosk-aid-read"
        disabled
        aria-label={`${label}（${t('helmet.kiosk.aids.noAudio')}）`}
        title={t('helmet.kiosk.aids.noAudioHint')}
      >
        <SpeakerIcon />
        {t('helmet.kiosk.aids.noAudio')}
      </button>
    );
  return (
    <button
      type="button"
      className={`kiosk-aid kiosk-aid-read ${playing ? 'kiosk-aid-on' : ''}`}
      disabled={!clips}
      aria-label={playing ? t('helmet.kiosk.aids.stopReading') : label}
      data-reading={playing ? narrator.reading!.index : undefined}
      onClick={() => (playing ? stop() : read(readingKey, texts))}
    >
      <SpeakerIcon />
      {playing ? t('helmet.kiosk.aids.stop') : t('helmet.kiosk.aids.read')}
    </button>
  );
}
