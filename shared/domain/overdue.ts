import type { EscortStatus, EscortStep } from './escort-kinds';
import type { Settings } from './settings';

/** The steps an escort is waited on for, each with its deadline in minutes after 接报. */
export const overdueSteps = ['met', 'departed', 'arrived', 'handedOver'] as const satisfies readonly EscortStep[];
export type OverdueStep = (typeof overdueSteps)[number];

export interface OverdueLimits {
  /** Minutes after 接报 by which each step should be done. */
  deadlines: Record<OverdueStep, number>;
  /** The booth beeps again this often while an escort stays overdue; 0 beeps once. */
  repeatMinutes: number;
}

export const overdueLimitsOf = (s: Settings): OverdueLimits => ({
  deadlines: {
    met: s.overdueMetMinutes,
    departed: s.overdueDepartedMinutes,
    arrived: s.overdueEscortMinutes,
    handedOver: s.overdueHandedOverMinutes,
  },
  repeatMinutes: s.overdueAlarmRepeatMinutes,
});

const done: Record<EscortStatus, number> = {
  requested: 0,
  met: 1,
  departed: 2,
  arrived: 3,
  handedOver: 4,
  cancelled: 4,
};

/**
 * The earliest step an open escort has missed its deadline for, or null. Every step not yet done is
 * checked, not only the next one, so deadlines an admin set out of order still raise the alarm.
 */
export function overdueStep(
  status: EscortStatus,
  requestedAt: number,
  now: number,
  limits: OverdueLimits,
): OverdueStep | null {
  const elapsed = now - requestedAt;
  for (const [i, step] of overdueSteps.entries())
    if (i + 1 > done[status] && elapsed > limits.deadlines[step] * 60_000) return step;
  return null;
}

/**
 * When the booth should beep for an overdue escort: once when it became overdue, then every
 * `repeatMinutes`. Returns the number of the beep due at `now` (1, 2, …) so a screen beeps each one once.
 */
export function alarmNumber(overdueSince: number, now: number, repeatMinutes: number): number {
  if (now < overdueSince) return 0;
  return repeatMinutes > 0 ? 1 + Math.floor((now - overdueSince) / (repeatMinutes * 60_000)) : 1;
}

/** The moment an escort crossed the deadline it is overdue for. */
export const overdueSince = (requestedAt: number, step: OverdueStep, limits: OverdueLimits) =>
  requestedAt + limits.deadlines[step] * 60_000;
