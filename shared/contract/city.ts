import { z } from 'zod';
import { event } from './define';
import { shippedBatch } from './city-events';

/**
 * The city tier's events. On the city server: a post enrols with a one-time code and then ships its
 * outbox with its credential (access `post`: that post's events and nothing else); a city admin
 * creates posts. On a post: its admin enters the city's address and the code, and every screen sees
 * how far the shipping has got.
 */

export interface CityPostInfo {
  postId: number;
  name: string;
  timeZone: string;
  enrolled: boolean;
  headSeq: number;
  lastIngestAt: number | null;
  flaggedReason: string | null;
}

export interface NewCityPost {
  postId: number;
  name: string;
  code: string;
  expiresAt: number;
}

/** How far this post's records have got to the city, in the words the booth header shows. */
export type LinkState =
  | { enrolled: false }
  | {
      enrolled: true;
      cityUrl: string;
      postId: number;
      postName: string;
      /** synced: nothing waiting; pending: shipping; offline: the city cannot be reached; refused: the city refused a batch. */
      status: 'synced' | 'pending' | 'offline' | 'refused';
      /** Events not yet acknowledged by the city. */
      pending: number;
      /** When the city was last reached, while offline. */
      offlineSince: number | null;
      message: string | null;
    };

const enrolCode = z.string().regex(/^\d{8}$/, '登记码为 8 位数字');

export const cityEvents = {
  /**
   * City server: a post's admin's code buys the post its id, its ingest credential and the city key
   * riders are keyed with city-wide (once).
   */
  'city:enrol': event<{ postId: number; name: string; credential: string; cityKey: string }>()(z.strictObject({ code: enrolCode }), 'public'),
  /** City server: one batch of this post's outbox; answers the highest gap-free seq held. */
  'city:ingest': event<{ ackedSeq: number; stored: number }>()(shippedBatch, 'post'),
  /** City server: a city admin creates a post and gets its one-time enrolment code. */
  'city:createPost': event<NewCityPost>()(z.strictObject({ name: z.string().trim().min(1, '请填写岗位名称').max(40) }), 'admin'),
  /** City server: every post and how far its records have come. */
  'city:posts': event<CityPostInfo[]>()(z.strictObject({}), 'chief'),
  /** Post: enrol this post with the city (admin, under 管理). */
  'link:enrol': event<LinkState>()(
    z.strictObject({
      cityUrl: z
        .string()
        .trim()
        .regex(/^https?:\/\/[^\s/]+(:\d+)?\/?$/, '市级服务器地址形如 https://city.example:5180'),
      code: enrolCode,
    }),
    'admin',
  ),
  /** Post: the shipping state, for the header. */
  'link:state': event<LinkState>()(z.strictObject({}), 'officer'),
};
