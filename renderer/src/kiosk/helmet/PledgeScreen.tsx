import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskSession } from '../../../../shared/contract/helmet';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';

/** Enough stroke (canvas pixels) to be a signature rather than a stray tap. */
const MIN_INK = 120;

export interface PledgeScreenProps {
  session: KioskSession;
  busy: boolean;
  onSign(signature: string): void;
}

/** 我承诺今后骑行时佩戴安全头盔, signed with a finger. */
export function PledgeScreen({ session, busy, onSign }: PledgeScreenProps) {
  const { t } = useTranslation();
  const pad = useRef<SignaturePadHandle>(null);
  const [ink, setInk] = useState(0);
  return (
    <main className="kiosk-screen kiosk-pledge" data-testid="kiosk-pledge">
      <h1>{t('helmet.kiosk.pledge.title')}</h1>
      {session.lastQuiz?.passed && (
        <p className="kiosk-lead" data-testid="quiz-result">
          {t('helmet.kiosk.pledge.quizPassed', { correct: session.lastQuiz.correct, total: session.lastQuiz.total })}
        </p>
      )}
      <p className="kiosk-pledge-text">{session.pledgeText}</p>
      <p className="kiosk-muted">{t('helmet.kiosk.pledge.sign')}</p>
      <SignaturePad ref={pad} onInk={setInk} label={t('helmet.kiosk.pledge.sign')} />
      <nav className="kiosk-quiz-nav">
        <button type="button" className="kiosk-button" onClick={() => pad.current?.clear()}>
          {t('helmet.kiosk.pledge.clear')}
        </button>
        <button
          type="button"
          className="kiosk-button kiosk-button-primary"
          disabled={busy || ink < MIN_INK}
          onClick={() => pad.current && onSign(pad.current.toDataUrl())}
        >
          {t('helmet.kiosk.pledge.confirm')}
        </button>
      </nav>
    </main>
  );
}
