import { useTranslation } from 'react-i18next';
import type { KioskSession } from '../../../../shared/contract/helmet';

export interface ChoiceScreenProps {
  session: KioskSession;
  busy: boolean;
  onChoose(choice: 'education' | 'fine'): void;
}

/** The rider's choice: two large buttons, what each means, and the legal footing from the settings. */
export function ChoiceScreen({ session, busy, onChoose }: ChoiceScreenProps) {
  const { t } = useTranslation();
  const minutes = Math.max(1, Math.round(session.video.durationSec / 60));
  return (
    <main className="kiosk-screen kiosk-choice" data-testid="kiosk-choice">
      <h1>{t('helmet.kiosk.choice.title')}</h1>
      <p className="kiosk-lead">{t('helmet.kiosk.choice.lead')}</p>
      <div className="kiosk-options">
        <button
          type="button"
          className="kiosk-option kiosk-option-education"
          disabled={busy}
          onClick={() => onChoose('education')}
          aria-labelledby="choice-education"
          aria-describedby="choice-education-detail"
        >
          <span className="kiosk-option-title" id="choice-education">
            {t('helmet.kiosk.choice.education')}
          </span>
          <span className="kiosk-option-detail" id="choice-education-detail">
            {t('helmet.kiosk.choice.educationDetail', { minutes, count: session.quizQuestionCount })}
          </span>
        </button>
        <button
          type="button"
          className="kiosk-option kiosk-option-fine"
          disabled={busy}
          onClick={() => onChoose('fine')}
          aria-labelledby="choice-fine"
          aria-describedby="choice-fine-detail"
        >
          <span className="kiosk-option-title" id="choice-fine">
            {t('helmet.kiosk.choice.fine')}
          </span>
          <span className="kiosk-option-detail" id="choice-fine-detail">{t('helmet.kiosk.choice.fineDetail', { yuan: session.fineYuan })}</span>
        </button>
      </div>
      {session.vehicle === 'motorcycle' && <p className="kiosk-note">{t('helmet.kiosk.choice.motorcycle')}</p>}
      <section className="kiosk-legal" aria-label={t('helmet.kiosk.choice.legal')}>
        <strong>{t('helmet.kiosk.choice.legal')}</strong>
        <p>{session.legalText}</p>
      </section>
    </main>
  );
}
