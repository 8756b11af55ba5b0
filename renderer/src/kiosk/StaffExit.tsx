import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnection } from '../net/useConnection';

const TAPS = 5;
const WITHIN_MS = 3000;

/**
 * Staff leave the kiosk: five quick taps in the top-left corner open a badge + PIN box; the core checks
 * it is an admin's (wrong PINs count towards the usual lockout) and tells Electron to close the window.
 */
export function StaffExit() {
  const { t } = useTranslation();
  const conn = useConnection();
  const taps = useRef<number[]>([]);
  const [open, setOpen] = useState(false);
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  const close = () => {
    setOpen(false);
    setBadge('');
    setPin('');
    setMessage(undefined);
  };

  const tap = (e: React.PointerEvent) => {
    const now = e.timeStamp;
    taps.current = [...taps.current.filter((at) => now - at < WITHIN_MS), now];
    if (taps.current.length >= TAPS) {
      taps.current = [];
      setOpen(true);
    }
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await conn.send('kiosk:staffExit', { badge: badge.trim(), pin });
    setBusy(false);
    setPin('');
    if (!r.ok) return setMessage(r.error.message);
    if (r.value.exited) return close();
    setMessage(t('helmet.kiosk.staff.browser'));
  };

  return (
    <>
      <div className="kiosk-staff-corner" onPointerDown={tap} aria-hidden="true" data-testid="staff-corner" />
      {open && (
        <div className="kiosk-overlay kiosk-staff" role="dialog" aria-label={t('helmet.kiosk.staff.title')}>
          <form onSubmit={(e) => void submit(e)} className="kiosk-staff-form">
            <h2>{t('helmet.kiosk.staff.title')}</h2>
            <label>
              {t('helmet.kiosk.staff.badge')}
              <input
                value={badge}
                onChange={(e) => setBadge(e.target.value)}
                inputMode="numeric"
                maxLength={10}
                autoComplete="off"
              />
            </label>
            <label>
              {t('helmet.kiosk.staff.pin')}
              <input
                type="password"
                value={pin}
                onChange={(e) => setPin(e.target.value)}
                maxLength={64}
                autoComplete="off"
              />
            </label>
            {message && <p role="alert">{message}</p>}
            <div className="kiosk-quiz-nav">
              <button type="button" className="kiosk-button" onClick={close}>
                {t('helmet.kiosk.staff.cancel')}
              </button>
              <button type="submit" className="kiosk-button kiosk-button-primary" disabled={busy || !badge || !pin}>
                {t('helmet.kiosk.staff.exit')}
              </button>
            </div>
          </form>
        </div>
      )}
    </>
  );
}
