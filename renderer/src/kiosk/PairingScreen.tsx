import { useTranslation } from 'react-i18next';

export interface PairingScreenProps {
  code: string | undefined;
  secondsLeft: number;
  /** i18n keys of the heading and the hint: the kiosk's unless another kind of screen says its own. */
  title?: string;
  hint?: string;
}

/** What an unpaired screen shows: its one-time code, large, as its own text. */
export function PairingScreen({
  code,
  secondsLeft,
  title = 'kiosk.pairingTitle',
  hint = 'kiosk.pairingHint',
}: PairingScreenProps) {
  const { t } = useTranslation();
  return (
    <main className="kiosk-screen kiosk-pairing">
      <h1>{t(title)}</h1>
      <p className="kiosk-lead">{t(hint)}</p>
      <p className="kiosk-code-label" id="pairing-code-label">
        {t('kiosk.codeLabel')}
      </p>
      <output className="kiosk-code" aria-labelledby="pairing-code-label" data-testid="pairing-code">
        {code ?? '······'}
      </output>
      {code && <p className="kiosk-muted">{t('kiosk.expiresIn', { seconds: secondsLeft })}</p>}
    </main>
  );
}
