import { useTranslation } from 'react-i18next';
import type { Ending } from './useKioskSession';

/** The last screen of a session: 请与民警联系 after the fine, a timeout or a failed quiz; thanks when done. */
export function EndScreen({ ending }: { ending: Ending }) {
  const { t } = useTranslation();
  const done = ending.phase === 'done';
  return (
    <main
      className={`kiosk-screen kiosk-end ${done ? 'kiosk-end-done' : ''}`}
      data-testid={`kiosk-end-${ending.phase}`}
    >
      {done ? (
        <>
          <h1>{t('helmet.kiosk.done.title')}</h1>
          <p className="kiosk-lead">{t('helmet.kiosk.done.lead')}</p>
        </>
      ) : (
        <>
          {ending.phase === 'failed' && <p className="kiosk-lead">{t('helmet.kiosk.failed')}</p>}
          {ending.phase === 'abandoned' && <p className="kiosk-lead">{t('helmet.kiosk.abandoned')}</p>}
          <h1>{t('helmet.kiosk.contact')}</h1>
          {ending.phase === 'fine' && (
            <p className="kiosk-lead">{t('helmet.kiosk.fineLead', { yuan: ending.fineYuan })}</p>
          )}
        </>
      )}
      <p className="kiosk-muted">{t('helmet.kiosk.backIn', { seconds: ending.seconds })}</p>
    </main>
  );
}
