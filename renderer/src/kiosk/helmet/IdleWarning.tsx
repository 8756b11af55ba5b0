import { useTranslation } from 'react-i18next';

/** "还在吗？" — shown in the last seconds before a walk-away; any touch dismisses it. */
export function IdleWarning({ seconds }: { seconds: number | null }) {
  const { t } = useTranslation();
  if (seconds === null) return null;
  return (
    <div className="kiosk-banner" role="alert">
      <span>{t('helmet.kiosk.idle', { seconds })}</span>
      <button type="button" className="kiosk-button kiosk-button-small">
        {t('helmet.kiosk.stillHere')}
      </button>
    </div>
  );
}
