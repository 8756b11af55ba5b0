import { z } from 'zod';
import { event } from './define';
import { exportFormats, type ExportFile } from './reports';

/**
 * The city dashboard (a chief on the city server): every post side by side for one month or one
 * year, each cut in its own post's time zone, so a post's column equals that post's own report.
 */
export const cityPeriod = z.strictObject({
  year: z
    .number({ error: '年份应为数字' })
    .int('年份应为整数')
    .min(2000, '年份不能早于 2000')
    .max(2100, '年份不能晚于 2100'),
  /** 1–12, or null for the whole year. */
  month: z
    .number({ error: '月份应为数字' })
    .int('月份应为整数')
    .min(1, '月份应为 1–12')
    .max(12, '月份应为 1–12')
    .nullable(),
});
export type CityPeriod = z.infer<typeof cityPeriod>;

/** One post's figures for the period: the same definitions as the post's 统计报表. */
export interface CityFigures {
  /** Escorts not cancelled (护送). */
  escorts: number;
  handedOver: number;
  cancelled: number;
  /** 接报→交接, minutes with one decimal; null when no escort was handed over. */
  medianRequestToHandover: number | null;
  p90RequestToHandover: number | null;
  /** Helmet stops not cancelled. */
  helmetStops: number;
  educationsCompleted: number;
  fines: number;
  fineYuan: number;
  /** 劝导 taps not undone. */
  advisories: number;
}

export interface CityPostColumn extends CityFigures {
  postId: number;
  name: string;
  timeZone: string;
  /** The newest seq the city holds from this post, and when it last shipped. */
  headSeq: number;
  lastIngestAt: number | null;
  flaggedReason: string | null;
}

export interface CityDashboard {
  period: CityPeriod;
  generatedAt: number;
  posts: CityPostColumn[];
  /** Sums over the posts; the intervals over every post's escorts together. */
  totals: CityFigures;
}

/** An export and the figures it was built from, which the screen then shows, so the two always match. */
export type CityExportFile = Omit<ExportFile, 'report'> & { dashboard: CityDashboard };

export const cityDashboardEvents = {
  'city:dashboard': event<CityDashboard>()(cityPeriod, 'chief'),
  /** The dashboard as CSV or XLSX; city figures carry no person, so nothing needs masking beyond them. */
  'city:export': event<CityExportFile>()(
    cityPeriod.extend({ format: z.enum(exportFormats, { error: '导出格式应为 csv 或 xlsx' }) }),
    'chief',
  ),
};
