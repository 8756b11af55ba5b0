import { z } from 'zod';
import { event } from './define';

/** Interval figures in minutes, rounded to 0.1 in the core so every screen and file shows the same number. */
export interface IntervalStats {
  count: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
  max: number | null;
}

/** Counts keyed by a vocabulary code (shared/domain/escort-kinds.ts); `unset` counts records left blank. */
export type CodeCounts = Record<string, number>;

export interface OfficerTally {
  officerId: number;
  badge: string;
  /** Present on screen; in exports only when the `exportPersonNames` setting allows. */
  name: string;
  /** Escorts taken part in, cancelled ones left out (they are in `cancelled`). */
  escorts: number;
  handedOver: number;
  cancelled: number;
  medianRequestToHandover: number | null;
}

export interface EscortTally {
  /** Every escort logged (接报), cancelled ones included. */
  requests: number;
  /** Escorts not cancelled: the figure the booth's counters and the since-opening total count. */
  total: number;
  handedOver: number;
  cancelled: number;
  /** Still open (not yet handed over or cancelled). */
  open: number;
  bySource: CodeCounts;
  byCondition: CodeCounts;
  byVehicle: CodeCounts;
  byDestination: CodeCounts;
  intervals: { requestToMet: IntervalStats; metToArrived: IntervalStats; requestToHandover: IntervalStats };
  byOfficer: OfficerTally[];
  /** 24 counts, by the post-local hour of 接报. */
  byHour: number[];
}

export interface AdvisoryPeriodTally {
  total: number;
  byKind: CodeCounts;
}

export interface HelmetTally {
  stops: number;
  byVehicle: CodeCounts;
  eligible: number;
  offered: number;
  chosen: number;
  completed: number;
  abandoned: number;
  fines: number;
  fineYuan: number;
  repeatRiders: number;
  /** Mean minutes watched per education session that played any video; null when none. */
  meanMinutesWatched: number | null;
  /** Percent (one decimal) of quizzes passed at the first try; null when no quiz was taken. */
  quizFirstTryPassPercent: number | null;
}

export interface MonthTally {
  year: number;
  /** 1–12 */
  month: number;
  escorts: EscortTally;
  advisories: AdvisoryPeriodTally;
  helmet: HelmetTally;
}

export interface YearMonthRow {
  month: number;
  /** Not cancelled, as `EscortTally.total`. */
  escorts: number;
  handedOver: number;
  cancelled: number;
  medianRequestToHandover: number | null;
  advisories: number;
  helmetStops: number;
  educationsCompleted: number;
  fines: number;
}

export interface YearTally {
  year: number;
  months: YearMonthRow[];
  totals: Omit<YearMonthRow, 'month' | 'medianRequestToHandover'> & { medianRequestToHandover: number | null };
}

export interface SinceOpening {
  /** The first record's time (epoch ms), or null on an empty log. */
  since: number | null;
  /** Escorts not cancelled, from the running counter the escort feature keeps. */
  escorts: number;
  advisories: number;
  helmetStops: number;
  educationsCompleted: number;
}

/**
 * One destination's door times (到院时间节点) over the month's handed-over escorts: 到达 is the hospital's
 * door time, from which chest-pain (D2B) and stroke (DNT) centres count. An escort lacking a time is
 * left out of that interval only, so each interval carries its own count.
 */
export interface DestinationDoorTimes {
  /** A destination code (shared/domain/escort-kinds.ts), `unset` for blank, or `all` for the total row. */
  destination: string;
  handedOver: number;
  /** 接报→到门 (requested → arrived) */
  requestToDoor: IntervalStats;
  /** 到门→交接 (arrived → handed over) */
  doorToHandover: IntervalStats;
}

/** A row's seven figures in the order every door-times table shows them: 已交接, then n, median and P90 of each interval. */
export const doorTimesFigures = (r: DestinationDoorTimes): (number | null)[] => [
  r.handedOver,
  r.requestToDoor.count,
  r.requestToDoor.median,
  r.requestToDoor.p90,
  r.doorToHandover.count,
  r.doorToHandover.median,
  r.doorToHandover.p90,
];

export interface DoorTimes {
  /** Every destination code in vocabulary order, then `unset`. */
  byDestination: DestinationDoorTimes[];
  total: DestinationDoorTimes;
}

export interface MonthReport {
  postName: string;
  timeZone: string;
  generatedAt: number;
  /** Whether exports may carry people's names (setting `exportPersonNames`). */
  namesInExports: boolean;
  month: MonthTally;
  previousMonth: MonthTally;
  sameMonthLastYear: MonthTally;
  year: YearTally;
  sinceOpening: SinceOpening;
  /** The month's door times by destination. */
  doorTimes: DoorTimes;
}

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** What an export holds, as its audit entry's `exportKind` records it. */
export const exportKinds = {
  month: { zh: '月度统计报表', en: 'Monthly report' },
  escortList: { zh: '护送明细（到院时间）', en: 'Escort list (door times)' },
} as const;
export type ExportKind = keyof typeof exportKinds;

export interface ExportFile {
  fileName: string;
  mime: string;
  /** Raw bytes: a Buffer in Node, an ArrayBuffer in the browser (socket.io binary attachment). */
  bytes: Uint8Array | ArrayBuffer;
  /** The audit entry that recorded this export. */
  auditSeq: number;
  /** The figures the file was built from: the screen shows these after an export, so they always match. */
  report: MonthReport;
}

/** What a printed (PDF) report carries so it can later be checked against the audit log. */
export interface PrintStamp {
  generatedAt: number;
  auditSeq: number;
  auditHash: string;
  /** Who printed it, as the sign-off's 制表 line names them: 李卫东（900002）. */
  preparedBy: string;
  /** The figures as recorded with the stamp: the print layout shows exactly these. */
  report: MonthReport;
}

const monthRequest = z.strictObject({
  year: z
    .number({ error: '年份应为数字' })
    .int('年份应为整数')
    .min(2000, '年份不能早于 2000')
    .max(2100, '年份不能晚于 2100'),
  month: z.number({ error: '月份应为数字' }).int('月份应为整数').min(1, '月份应为 1–12').max(12, '月份应为 1–12'),
});

/** Year and month together, or neither for the post's current month (the core knows the post's zone). */
const optionalMonthRequest = z
  .strictObject({ year: monthRequest.shape.year.optional(), month: monthRequest.shape.month.optional() })
  .refine((r) => (r.year === undefined) === (r.month === undefined), '年份和月份需同时提供');

const exportRequest = monthRequest.extend({
  format: z.enum(exportFormats, { error: '导出格式应为 csv 或 xlsx' }),
});

export const reportsEvents = {
  'reports:month': event<MonthReport>()(optionalMonthRequest, 'chief'),
  'reports:export': event<ExportFile>()(exportRequest, 'chief'),
  /**
   * The month's escorts one row each (handed over and cancelled; open ones once closed), in the shape a
   * chest-pain or stroke centre's data clerk imports: door and handover times, pre-alert acknowledgement.
   */
  'reports:exportEscortList': event<ExportFile>()(exportRequest, 'chief'),
  /**
   * Audits a PDF and returns the chain head to print on it; the page then prints itself. `via`:
   * Electron saves the file itself ('app', audited as an export); a browser only opens its print
   * dialog and never says whether a file was saved ('browser', audited as a print).
   */
  'reports:printStamp': event<PrintStamp>()(monthRequest.extend({ via: z.enum(['app', 'browser']).optional() }), 'chief'),
};
