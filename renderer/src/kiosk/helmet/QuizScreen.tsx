import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskSession } from '../../../../shared/contract/helmet';
import { quizReading } from '../../../../shared/domain/narration';
import { ReadAloudButton } from '../aids/ReadAloudButton';
import { useRiderAids } from '../aids/rider-aids';

export interface QuizScreenProps {
  session: KioskSession;
  busy: boolean;
  onSubmit(answers: { questionId: string; choice: number }[]): void;
}

/** One question at a time, large answers to tap; a failed first attempt explains itself before the retry. */
export function QuizScreen({ session, busy, onSubmit }: QuizScreenProps) {
  const { t } = useTranslation();
  const quiz = session.quiz!;
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [retryIntro, setRetryIntro] = useState(
    quiz.attempt > 1 && session.lastQuiz !== null && !session.lastQuiz.passed,
  );
  const question = quiz.questions[index]!;
  const last = index === quiz.questions.length - 1;
  const chosen = answers[question.id];
  const { narrator } = useRiderAids();
  const readingKey = `quiz-${quiz.attempt}-${question.id}`;
  // While 朗读 reads an answer, that answer is marked, so a listener knows which button it is.
  const readingAnswer = narrator.reading?.key === readingKey ? narrator.reading.index - 1 : -1;

  if (retryIntro && session.lastQuiz) {
    return (
      <main className="kiosk-screen kiosk-quiz" data-testid="kiosk-quiz-retry">
        <h1>{t('helmet.kiosk.quiz.title')}</h1>
        <p className="kiosk-lead">
          {t('helmet.kiosk.quiz.retryLead', {
            correct: session.lastQuiz.correct,
            total: session.lastQuiz.total,
            pass: quiz.passPercent,
          })}
        </p>
        <button type="button" className="kiosk-button kiosk-button-primary" onClick={() => setRetryIntro(false)}>
          {t('helmet.kiosk.quiz.retry')}
        </button>
      </main>
    );
  }

  return (
    <main className="kiosk-screen kiosk-quiz" data-testid="kiosk-quiz">
      <header className="kiosk-quiz-head">
        <span>{t('helmet.kiosk.quiz.title')}</span>
        <span>{t('helmet.kiosk.quiz.progress', { n: index + 1, total: quiz.questions.length })}</span>
        <span className="kiosk-muted">{t('helmet.kiosk.quiz.passMark', { pass: quiz.passPercent })}</span>
      </header>
      <div className="kiosk-question-row">
        <h1 className="kiosk-question">{question.question}</h1>
        <ReadAloudButton readingKey={readingKey} texts={quizReading(question)} label={t('helmet.kiosk.aids.readQuestion')} auto />
      </div>
      <div className="kiosk-answers" role="radiogroup" aria-label={question.question}>
        {question.options.map((option, i) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={chosen === i}
            className={`kiosk-answer ${chosen === i ? 'kiosk-answer-chosen' : ''} ${readingAnswer === i ? 'kiosk-answer-reading' : ''}`}
            onClick={() => setAnswers({ ...answers, [question.id]: i })}
          >
            <span className="kiosk-answer-letter">{String.fromCharCode(65 + i)}</span>
            {option}
          </button>
        ))}
      </div>
      <nav className="kiosk-quiz-nav">
        <button type="button" className="kiosk-button" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          {t('helmet.kiosk.quiz.prev')}
        </button>
        {last ? (
          <button
            type="button"
            className="kiosk-button kiosk-button-primary"
            disabled={busy || quiz.questions.some((q) => answers[q.id] === undefined)}
            onClick={() => onSubmit(quiz.questions.map((q) => ({ questionId: q.id, choice: answers[q.id]! })))}
          >
            {t('helmet.kiosk.quiz.submit')}
          </button>
        ) : (
          <button
            type="button"
            className="kiosk-button kiosk-button-primary"
            disabled={chosen === undefined}
            onClick={() => setIndex(index + 1)}
          >
            {t('helmet.kiosk.quiz.next')}
          </button>
        )}
      </nav>
    </main>
  );
}
