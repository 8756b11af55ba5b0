import { useEffect, useRef, useState } from 'react';

/**
 * Walk-away on the touch screens (choice, quiz, pledge): `seconds` without a touch calls `onTimeout`
 * once. Returns the seconds left while the last stretch (a quarter, at most 15 s) runs, so the screen
 * can ask "还在吗？"; any touch starts the count again.
 */
export function useIdleTimeout(seconds: number, onTimeout: () => void, active = true): number | null {
  const [left, setLeft] = useState<number | null>(null);
  const timeout = useRef(onTimeout);
  useEffect(() => {
    timeout.current = onTimeout;
  }, [onTimeout]);

  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    let fired = false;
    const warnFrom = Math.min(15, Math.max(1, Math.floor(seconds / 4)));
    const touch = () => {
      last = Date.now();
      setLeft(null);
    };
    const tick = setInterval(() => {
      const remaining = Math.ceil(seconds - (Date.now() - last) / 1000);
      if (remaining <= 0 && !fired) {
        fired = true;
        timeout.current();
      }
      setLeft(remaining <= warnFrom && remaining > 0 ? remaining : null);
    }, 250);
    const events = ['pointerdown', 'touchstart', 'keydown'] as const;
    for (const e of events) document.addEventListener(e, touch, { passive: true });
    return () => {
      clearInterval(tick);
      for (const e of events) document.removeEventListener(e, touch);
      setLeft(null);
    };
  }, [seconds, active]);

  return left;
}
