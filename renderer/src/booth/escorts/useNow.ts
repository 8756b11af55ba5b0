import { useEffect, useState } from 'react';

/** The current time, ticking every `intervalMs`, shifted by the core's clock offset. */
export function useNow(offsetMs: number, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    const tick = () => setNow(Date.now() + offsetMs);
    tick();
    const timer = setInterval(tick, intervalMs);
    return () => clearInterval(timer);
  }, [offsetMs, intervalMs]);
  return now;
}
