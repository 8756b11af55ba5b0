import { escortSteps, stepLabels, type EscortStatus, type EscortStep } from './escort-kinds';

/**
 * The escort timeline rules, shared by the core (which enforces them) and the screens (which show the
 * next step and the intervals). Steps run 接报 → 会合 → 出发 → 到达 → 交接, one at a time, each no
 * earlier than the one before; 取消 closes an open escort at any point.
 */
export type StepTimes = Partial<Record<EscortStep, number | null>>;

export const closedStatuses: ReadonlySet<EscortStatus> = new Set(['handedOver', 'cancelled']);
export const isOpen = (status: EscortStatus) => !closedStatuses.has(status);

/** The step the board's one button performs, or undefined when the escort is closed. */
export function nextStep(status: EscortStatus): Exclude<EscortStep, 'requested'> | undefined {
  if (status === 'cancelled') return undefined;
  const i = escortSteps.indexOf(status);
  return escortSteps[i + 1] as Exclude<EscortStep, 'requested'> | undefined;
}

/**
 * A step pressed within this long of the step before it is refused: a key held down or pressed
 * four times must not close an escort in two seconds (met, departed, arrived and handed over are
 * minutes apart on the road). The first step after 接报 is exempt: an escort is often logged on arrival.
 */
export const STEP_MIN_GAP_MS = 5_000;

/** How long after a step it may be taken back with 撤销上一步 (a mistaken press, not a correction). */
export const STEP_UNDO_WINDOW_MS = 2 * 60_000;

/** The step before `status` on the timeline; undefined for 接报 and 取消. */
export function previousStep(status: EscortStatus): EscortStep | undefined {
  if (status === 'cancelled') return undefined;
  const i = escortSteps.indexOf(status);
  return i > 0 ? escortSteps[i - 1] : undefined;
}

/** Until when (core clock) the next step of an escort whose last step was at `lastAt` is refused. */
export const nextStepAllowedAt = (status: EscortStatus, lastAt: number): number =>
  status === 'requested' || status === 'cancelled' ? lastAt : lastAt + STEP_MIN_GAP_MS;

/** Until when the last step (at `lastAt`) may be taken back; undefined if there is none to take back. */
export const undoStepUntil = (status: EscortStatus, lastAt: number | null | undefined): number | undefined =>
  previousStep(status) === undefined || lastAt == null ? undefined : lastAt + STEP_UNDO_WINDOW_MS;

/** Status implied by the latest stamped step. */
export function statusOf(times: StepTimes): EscortStep {
  let status: EscortStep = 'requested';
  for (const s of escortSteps) if (times[s] != null) status = s;
  return status;
}

const zh = (s: EscortStatus) => stepLabels[s].zh;

/**
 * Checks a whole timeline: 接报 present, no gap (a later step needs every earlier one), no step before
 * the one it follows, nothing in the future (beyond `skewMs` of clock drift). Returns the first problem
 * as a specific sentence, or undefined when the timeline is possible.
 */
export function timelineProblem(times: StepTimes, now: number, skewMs = 60_000): string | undefined {
  if (times.requested == null) return '缺少接报时间';
  let previous: EscortStep = 'requested';
  for (const step of escortSteps) {
    const at = times[step];
    if (at == null) continue;
    if (at > now + skewMs) return `${zh(step)}时间不能晚于现在`;
    const i = escortSteps.indexOf(step);
    for (const earlier of escortSteps.slice(0, i)) {
      if (times[earlier] == null) return `填写${zh(step)}时间前须先有${zh(earlier)}时间`;
    }
    const before = times[previous]!;
    if (step !== 'requested' && at < before) return `${zh(step)}时间不能早于${zh(previous)}时间`;
    previous = step;
  }
  return undefined;
}

export interface EscortIntervals {
  /** 接报→会合 */
  requestToMet: number | null;
  /** 会合→到达 */
  metToArrived: number | null;
  /** 接报→交接 */
  requestToHandover: number | null;
}

const span = (from: number | null | undefined, to: number | null | undefined) =>
  from != null && to != null && to >= from ? to - from : null;

/** The three intervals chiefs read, in ms; null while a step is missing. */
export const intervalsOf = (t: StepTimes): EscortIntervals => ({
  requestToMet: span(t.requested, t.met),
  metToArrived: span(t.met, t.arrived),
  requestToHandover: span(t.requested, t.handedOver),
});

/** The languages a duration is written in: the screen's, or zh for exports and the core. */
export type DurationLanguage = 'zh' | 'en';

/** '7分12秒', '1小时3分' in Chinese; '7 min 12 s', '1 h 3 min' in English — for cards, details and exports. */
export function formatDuration(ms: number, lang: DurationLanguage = 'zh'): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  if (lang === 'en') {
    if (h > 0) return `${h} h ${m} min`;
    if (m > 0) return `${m} min ${ss} s`;
    return `${s} s`;
  }
  if (h > 0) return `${h}小时${m}分`;
  if (m > 0) return `${m}分${ss}秒`;
  return `${s}秒`;
}

/** The board's live timer: 'MM:SS', or 'H:MM:SS' past an hour. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const mm = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const ss = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
