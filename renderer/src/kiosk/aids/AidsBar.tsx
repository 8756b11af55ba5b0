import { useTranslation } from 'react-i18next';
import { useRiderAids } from './rider-aids';
import { SpeakerIcon } from './SpeakerIcon';

/** 大字 and 自动朗读, top right of the rider's touch screens; a clip that would not play is said here. */
export function AidsBar() {
  const { t } = useTranslation();
  const { largeText, setLargeText, autoRead, setAutoRead, narrator } = useRiderAids();
  return (
    <div className="kiosk-aids" data-testid="kiosk-aids">
      {narrator.failed && (
        <p className="kiosk-aids-problem" role="alert">
          {t('helmet.kiosk.aids.playFailed')}
        </p>
      )}
      <button
        type="button"
        className={`kiosk-aid ${autoRead ? 'kiosk-aid-on' : ''}`}
        aria-pressed={autoRead}
        disabled={!narrator.clips || narrator.clips.size === 0}
        onClick={() => {
          if (autoRead) narrator.stop();
          setAutoRead(!autoRead);
        }}
      >
        <SpeakerIcon />
        {t('helmet.kiosk.aids.autoRead')}
      </button>
      <button
        type="button"
        className={`kiosk-aid kiosk-aid-large ${largeText ? 'kiosk-aid-on' : ''}`}
        aria-pressed={largeText}
        onClick={() => setLargeText(!largeText)}
      >
        {t('helmet.kiosk.aids.largeText')}
      </button>
    </div>
  );
}
