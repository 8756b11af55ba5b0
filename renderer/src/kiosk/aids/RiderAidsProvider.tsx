import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { RiderAidsContext, type RiderAids } from './rider-aids';
import { useNarrator } from './useNarrator';

/** Set on <html> while 大字 is on: the kiosk's font sizes are multiplied by --kiosk-text (kiosk.css). */
export const LARGE_TEXT_CLASS = 'kiosk-large-text';

/**
 * Holds the reading aids for one rider. `riderPresent` is false on the attract loop: both aids are switched
 * off and any reading stops there, so the next rider starts from the ordinary screen.
 */
export function RiderAidsProvider({ riderPresent, children }: { riderPresent: boolean; children: ReactNode }) {
  const { narrator, audio } = useNarrator(riderPresent);
  const [largeText, setLargeText] = useState(false);
  const [autoRead, setAutoRead] = useState(false);
  const { stop } = narrator;

  // Reset during render (not in an effect) so the attract loop never paints one frame in 大字.
  const [wasPresent, setWasPresent] = useState(riderPresent);
  if (wasPresent !== riderPresent) {
    setWasPresent(riderPresent);
    if (!riderPresent) {
      setLargeText(false);
      setAutoRead(false);
    }
  }
  useEffect(() => {
    if (!riderPresent) stop();
  }, [riderPresent, stop]);

  useEffect(() => {
    document.documentElement.classList.toggle(LARGE_TEXT_CLASS, largeText);
    return () => document.documentElement.classList.remove(LARGE_TEXT_CLASS);
  }, [largeText]);

  const aids = useMemo<RiderAids>(
    () => ({ largeText, setLargeText, autoRead, setAutoRead, narrator }),
    [largeText, autoRead, narrator],
  );
  return (
    <RiderAidsContext.Provider value={aids}>
      {children}
      <audio ref={audio} className="kiosk-narration-audio" data-testid="narration-audio" preload="auto" />
    </RiderAidsContext.Provider>
  );
}
