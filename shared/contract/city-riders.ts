import { z } from 'zod';
import type { StopOutcome } from '../domain/helmet';
import { event } from './define';

/**
 * The city-wide first-offence check. A post keys its riders with the city key it got at enrolment
 * (HMAC of 'id:…', 'phone:…', 'plate:…'), so the same rider has the same key at every post; only
 * those hashes ever go to the city. On the city server a post asks, while an officer opens a stop,
 * how many stops of that key other posts have in the window, and fetches the reports of a rider
 * waived at two posts inside the window; on a post, its chiefs read those reports.
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, '骑行人核验码应为 64 位十六进制');
const epochMs = z.number().int().nonnegative();

/** The city's answer: stops of the key at other posts in [since, until], cancelled ones not counted. */
export interface RiderCheckAnswer {
  priorStops: number;
  latestAt: number | null;
}

/** A report as the city sends it to one of the two posts: this post's stop and the other post's. */
export interface CityRiderReportWire {
  reportId: number;
  /** This post's stop (its own id). */
  stopId: number;
  stoppedAt: number;
  otherPostName: string;
  otherStoppedAt: number;
  otherOutcome: StopOutcome;
}

/** A report as a chief sees it at the post: with this post's own stop's plate, nothing of the other post's rider. */
export interface CityRiderReport extends CityRiderReportWire {
  plate: string | null;
  outcome: StopOutcome;
  receivedAt: number;
}

export const cityRiderEvents = {
  /** City server: how many stops other posts have of this rider key since the window's start. */
  'city:riderCheck': event<RiderCheckAnswer>()(
    z
      .strictObject({ key: hex64, since: epochMs, until: epochMs })
      .refine((r) => r.since <= r.until, '时间窗口起点晚于终点'),
    'post',
  ),
  /** City server: this post's reports of a rider waived at two posts, after the last one it holds. */
  'city:riderReports': event<CityRiderReportWire[]>()(
    z.strictObject({ afterId: z.number().int().nonnegative() }),
    'post',
  ),
  /** Post: the reports the city sent, newest first, for the chiefs. */
  'helmet:cityReports': event<CityRiderReport[]>()(z.strictObject({}), 'chief'),
};
