import { createHash } from 'node:crypto';
import type { ShippedEvent } from '../../../shared/contract/city-events';

export const GENESIS = '0'.repeat(64);

/** The link both ends compute: the post when it appends, the city when it ingests. */
export const eventHash = (prevHash: string, e: Pick<ShippedEvent, 'seq' | 'at' | 'kind' | 'entityId' | 'payload'>): string =>
  createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(JSON.stringify([e.seq, e.at, e.kind, e.entityId, e.payload]))
    .digest('hex');

/**
 * Checks that `events` (ascending seq) continue the chain whose last link is (headSeq, headHash).
 * Returns the first seq that breaks it and why, or undefined when every link holds.
 */
export function brokenLink(events: readonly ShippedEvent[], headSeq: number, headHash: string): { seq: number; reason: string } | undefined {
  let [seq, hash] = [headSeq, headHash];
  for (const e of events) {
    if (e.seq !== seq + 1) return { seq: e.seq, reason: `expected seq ${seq + 1}, got ${e.seq}` };
    if (e.prevHash !== hash) return { seq: e.seq, reason: 'prev_hash does not link to the previous event' };
    if (eventHash(e.prevHash, e) !== e.hash) return { seq: e.seq, reason: 'hash does not match the event' };
    [seq, hash] = [e.seq, e.hash];
  }
  return undefined;
}
