import { useCallback, useState } from 'react';
import './rider.css';
import { AidsBar } from '../aids/AidsBar';
import { RiderAidsProvider } from '../aids/RiderAidsProvider';
import { AttractLoop } from '../AttractLoop';
import { ChoiceScreen } from './ChoiceScreen';
import { EndScreen } from './EndScreen';
import { IdleWarning } from './IdleWarning';
import { PledgeScreen } from './PledgeScreen';
import { QuizScreen } from './QuizScreen';
import { useIdleTimeout } from './useIdleTimeout';
import { useKioskSession } from './useKioskSession';
import { VideoScreen } from './VideoScreen';

export interface RiderScreensProps {
  kioskName: string;
  postName: string;
  connected: boolean;
}

/**
 * A paired kiosk: the attract loop until an officer offers education, then the rider's screens in the
 * order the core sets, then the last screen and back to the loop. Touch screens (choice, quiz, pledge)
 * give up after the idle setting without a touch; the video gives up after its pause limit.
 */
export function RiderScreens({ kioskName, postName, connected }: RiderScreensProps) {
  const { session, ending, actions } = useKioskSession(true);
  const [busy, setBusy] = useState(false);
  // 观看教育视频 plays at once, while the core records the choice: the core counts nothing until it has
  // (heartbeats before that are answered, not credited), and if the choice fails the choice comes back.
  const [starting, setStarting] = useState<number>();
  const run = (action: Promise<unknown>) => {
    setBusy(true);
    void action.finally(() => setBusy(false));
  };
  const phase = session?.phase === 'choice' && starting === session.id ? 'video' : session?.phase;
  const touchScreen = phase === 'choice' || phase === 'quiz' || phase === 'pledge';
  const { walkAway, refresh } = actions;
  const idleWalkAway = useCallback(() => void walkAway('idle'), [walkAway]);
  const pausedWalkAway = useCallback(() => void walkAway('paused'), [walkAway]);
  const leftVideo = useCallback(() => void refresh(), [refresh]);
  const idle = useIdleTimeout(session?.idleSeconds ?? 60, idleWalkAway, touchScreen);

  // 大字 and 自动朗读 last from the rider's first screen to the last; the attract loop switches them off.
  return <RiderAidsProvider riderPresent={session !== null || ending !== null}>{content()}</RiderAidsProvider>;

  function content() {
    if (ending) return <EndScreen ending={ending} />;
    if (!session) return <AttractLoop kioskName={kioskName} postName={postName} connected={connected} />;
    const current = session;
    const choose = (choice: 'education' | 'fine') => {
      if (choice === 'education') setStarting(current.id);
      run(actions.choose(choice).then((r) => r && !r.ok && setStarting(undefined)));
    };
    // The video screen exists from the choice on (hidden and loading), so choosing it starts at once.
    const video = (phase === 'choice' || phase === 'video') && (
      <VideoScreen key={session.id} session={session} active={phase === 'video'} onWalkAway={pausedWalkAway} onLeftVideo={leftVideo} />
    );
    const screen =
      phase === 'choice' ? (
        <ChoiceScreen session={session} busy={busy} onChoose={choose} />
      ) : phase === 'video' ? null : phase === 'quiz' ? (
        <QuizScreen key={`${session.id}-${session.quiz?.attempt}`} session={session} busy={busy} onSubmit={(a) => run(actions.submitQuiz(a))} />
      ) : (
        <PledgeScreen key={session.id} session={session} busy={busy} onSign={(s) => run(actions.pledge(s))} />
      );
    return (
      <>
        {video}
        {touchScreen && <AidsBar />}
        {screen}
        {touchScreen && <IdleWarning seconds={idle} />}
      </>
    );
  }
}
