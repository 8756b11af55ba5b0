import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskSession } from '../../../../shared/contract/helmet';
import { choiceReading, legalReading } from '../../../../shared/domain/narration';
import { ReadAloudButton } from '../aids/ReadAloudButton';

export interface ChoiceScreenProps {
  session: KioskSession;
  busy: boolean;
  onChoose(choice: 'education' | 'fine'): void;
}

interface ChoiceButtonProps {
  choice: 'education' | 'fine';
  title: string;
  detail: string;
  busy: boolean;
  onChoose(choice: 'education' | 'fine'): void;
}

/** One large option; its accessible name is the title alone (观看教育视频 / 接受罚款), the detail describes it. */
function ChoiceButton({ choice, title, detail, busy, onChoose }: ChoiceButtonProps) {
  return (
    <button
      type="button"
      className={`kiosk-option kiosk-option-${choice}`}
      disabled={busy}
      onClick={() => onChoose(choice)}
      aria-labelledby={`choice-${choice}`}
      aria-describedby={`choice-${choice}-detail`}
    >
      <span className="kiosk-option-title" id={`choice-${choice}`}>
        {title}
      </span>
      <span className="kiosk-option-detail" id={`choice-${choice}-detail`}>
        {detail}
      </span>
    </button>
  );
}

/** 接受罚款 cannot be taken back on the kiosk: one more tap, with the way back to the choice beside it. */
function ConfirmFine({
  session,
  busy,
  onConfirm,
  onBack,
}: {
  session: KioskSession;
  busy: boolean;
  onConfirm(): void;
  onBack(): void;
}) {
  const { t } = useTranslation();
  return (
    <main className="kiosk-screen kiosk-choice" data-testid="kiosk-confirm-fine">
      <h1>{t('helmet.kiosk.choice.confirmFine', { yuan: session.fineYuan })}</h1>
      <p className="kiosk-lead">{t('helmet.kiosk.choice.confirmFineLead')}</p>
      <div className="kiosk-options">
        <button type="button" className="kiosk-option kiosk-option-education" disabled={busy} onClick={onBack}>
          <span className="kiosk-option-title">{t('helmet.kiosk.choice.back')}</span>
        </button>
        <button type="button" className="kiosk-option kiosk-option-fine" disabled={busy} onClick={onConfirm}>
          <span className="kiosk-option-title">{t('helmet.kiosk.choice.confirmFineYes')}</span>
        </button>
      </div>
    </main>
  );
}

/** The rider's choice: two large buttons, what each means, and the legal footing from the settings. */
export function ChoiceScreen({ session, busy, onChoose }: ChoiceScreenProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const minutes = Math.max(1, Math.round(session.video.durationSec / 60));
  if (confirming)
    return (
      <ConfirmFine
        session={session}
        busy={busy}
        onConfirm={() => onChoose('fine')}
        onBack={() => setConfirming(false)}
      />
    );
  const choose = (choice: 'education' | 'fine') => (choice === 'fine' ? setConfirming(true) : onChoose(choice));
  // What the screen shows is what 朗读 reads: the same strings, so each finds its clip by its exact text.
  const texts = {
    title: t('helmet.kiosk.choice.title'),
    lead: t('helmet.kiosk.choice.lead'),
    education: t('helmet.kiosk.choice.education'),
    educationDetail: t('helmet.kiosk.choice.educationDetail', { minutes, count: session.quizQuestionCount }),
    fine: t('helmet.kiosk.choice.fine'),
    fineDetail: t('helmet.kiosk.choice.fineDetail', { yuan: session.fineYuan }),
    motorcycle: session.vehicle === 'motorcycle' ? t('helmet.kiosk.choice.motorcycle') : undefined,
  };
  return (
    <main className="kiosk-screen kiosk-choice" data-testid="kiosk-choice">
      <h1>{texts.title}</h1>
      <div className="kiosk-lead-row">
        <p className="kiosk-lead">{texts.lead}</p>
        <ReadAloudButton readingKey="choice" texts={choiceReading(texts)} label={t('helmet.kiosk.aids.readChoice')} auto />
      </div>
      <div className="kiosk-options">
        <ChoiceButton choice="education" title={texts.education} detail={texts.educationDetail} busy={busy} onChoose={choose} />
        <ChoiceButton choice="fine" title={texts.fine} detail={texts.fineDetail} busy={busy} onChoose={choose} />
      </div>
      {texts.motorcycle && <p className="kiosk-note">{texts.motorcycle}</p>}
      <section className="kiosk-legal" aria-label={t('helmet.kiosk.choice.legal')}>
        <div className="kiosk-legal-head">
          <strong>{t('helmet.kiosk.choice.legal')}</strong>
          <ReadAloudButton
            readingKey="legal"
            texts={legalReading(t('helmet.kiosk.choice.legal'), session.legalText)}
            label={t('helmet.kiosk.aids.readLegal')}
          />
        </div>
        <p>{session.legalText}</p>
      </section>
    </main>
  );
}
