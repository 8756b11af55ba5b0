import { useTranslation } from 'react-i18next';

export interface PairingScreenProps {
  code: string | undefined;
  secondsLeft: number;
}

/** What an unpaired screen shows: its one-time code, large, as its own text. */
export function PairingScreen({ code, secondsLeft }: PairingScreenProps) {
  const { t } = useTranslation();
  return (
    <main className="kiosk-screen kiosk-pairing">
      <h1>{t('kiosk.pairingTitle')}</h1>
      <p className="kiosk-lead">{t('kiosk.pairingHint')}</p>
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
