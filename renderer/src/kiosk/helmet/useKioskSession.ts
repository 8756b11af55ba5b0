import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KioskSession } from '../../../../shared/contract/helmet';
import { isLivePhase, KIOSK_DONE_SCREEN_SECONDS, KIOSK_FINE_SCREEN_SECONDS } from '../../../../shared/domain/helmet';
import type { Ack } from '../../../../shared/contract/result';
import { useConnection, useConnectionState } from '../../net/useConnection';

/** A finished session's last screen, shown for a few seconds before the attract loop. */
export interface Ending {
  phase: 'fine' | 'done' | 'failed' | 'abandoned';
  fineYuan: number;
  /** Seconds until the attract loop. */
  seconds: number;
}

const endingSeconds = (phase: Ending['phase']) =>
  phase === 'done' ? KIOSK_DONE_SCREEN_SECONDS : KIOSK_FINE_SCREEN_SECONDS;

/**
 * The kiosk's one rider at a time. The core owns the session: it arrives by push (the officer's offer,
 * the video's completion, the officer's stop) or as the reply to the rider's own action, and on every
 * (re)connection it is asked for again, so a reload or a core restart resumes where the core counted.
 * Nothing personal is ever in it; ending a session drops it, and the attract loop follows.
 */
export function useKioskSession(paired: boolean) {
  const conn = useConnection();
  const { hello } = useConnectionState();
  const [session, setSession] = useState<KioskSession | null>(null);
  const [ending, setEnding] = useState<Ending | null>(null);

  const apply = useCallback((s: KioskSession | null) => {
    if (s && isLivePhase(s.phase)) {
      setEnding(null);
      setSession(s);
      return;
    }
    setSession(null);
    if (!s || s.phase === 'stopped') {
      // Stopped by the officer: straight back to the attract loop.
      if (s) setEnding(null);
      return;
    }
    if (s.phase === 'fine' || s.phase === 'done' || s.phase === 'failed' || s.phase === 'abandoned')
      setEnding({ phase: s.phase, fineYuan: s.fineYuan, seconds: endingSeconds(s.phase) });
  }, []);

  useEffect(() => {
    if (!hello || !paired) return;
    let live = true;
    const off = conn.on('helmet:session', apply);
    void conn.send('helmet:kioskState', {}).then((r) => {
      if (live && r.ok && r.value) apply(r.value);
      else if (live && r.ok) setSession(null);
    });
    return () => {
      live = false;
      off();
    };
  }, [conn, hello, paired, apply]);

  // The last screen counts down, then the kiosk is free for the next rider.
  useEffect(() => {
    if (!ending) return;
    const timer = setTimeout(() => {
      setEnding((e) => (e && e.seconds > 1 ? { ...e, seconds: e.seconds - 1 } : null));
    }, 1000);
    return () => clearTimeout(timer);
  }, [ending]);

  const settle = useCallback(
    (r: Ack<KioskSession>) => {
      if (r.ok) apply(r.value);
      return r;
    },
    [apply],
  );

  const id = session?.id;
  const actions = useMemo(
    () => ({
      choose: async (choice: 'education' | 'fine') =>
        id && settle(await conn.send('helmet:choose', { sessionId: id, choice })),
      submitQuiz: async (answers: { questionId: string; choice: number }[]) =>
        id && settle(await conn.send('helmet:quizAnswers', { sessionId: id, answers })),
      pledge: async (signature: string) => id && settle(await conn.send('helmet:pledge', { sessionId: id, signature })),
      walkAway: async (reason: 'idle' | 'paused') =>
        id && settle(await conn.send('helmet:walkAway', { sessionId: id, reason })),
      /** The core moved the session on by itself (the video's end reached through a heartbeat). */
      refresh: async () => {
        const r = await conn.send('helmet:kioskState', {});
        if (r.ok) apply(r.value);
      },
    }),
    [id, conn, settle, apply],
  );

  return { session, ending, actions };
}
