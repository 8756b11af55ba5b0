import { useEffect, useRef } from 'react';
import type { EscortView } from '../../../../shared/contract/escorts';
import { alarmNumber, overdueSince, overdueStep, type OverdueLimits } from '../../../../shared/domain/overdue';
import { playTone } from '../../common/chime';
import { storedFlag, useStoredFlag } from '../../common/useStoredFlag';

const muteFlag = storedFlag('greenpost.overdueMuted');

/**
 * Beeps once when an open escort passes a deadline, and again every `repeatMinutes` while it stays
 * overdue. Each beep is numbered from the deadline, so a re-render, a reconnect or a second booth tab
 * never beeps the same one twice in this tab. Muting is remembered on this PC.
 */
export function useOverdueAlarm(open: EscortView[], now: number, limits: OverdueLimits | undefined) {
  const [muted, toggleMuted] = useStoredFlag(muteFlag);
  const beeped = useRef(new Map<string, number>());

  useEffect(() => {
    if (!limits) return;
    let due = false;
    for (const e of open) {
      const step = overdueStep(e.status, e.times.requested!, now, limits);
      if (!step) continue;
      const key = `${e.id}:${step}`;
      const n = alarmNumber(overdueSince(e.times.requested!, step, limits), now, limits.repeatMinutes);
      if (n > (beeped.current.get(key) ?? 0)) {
        beeped.current.set(key, n);
        due = true;
      }
    }
    if (due && !muted) playTone('overdue');
  }, [open, now, limits, muted]);

  return { muted, toggleMuted };
}
