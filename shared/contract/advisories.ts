import { z } from 'zod';
import { advisoryKinds, keysOf, type AdvisoryKind } from '../domain/escort-kinds';
import type { Shift } from '../domain/shift';
import { event } from './define';

/** One officer's 劝导 counts in one shift. */
export interface AdvisoryTally {
  officerId: number;
  shift: Shift;
  shiftDate: string;
  counts: Record<AdvisoryKind, number>;
}

const kind = z.enum(keysOf(advisoryKinds), { error: '未知的劝导类别' });

export const advisoryEvents = {
  'advisory:tap': event<AdvisoryTally>()(z.strictObject({ kind }), 'officer'),
  /** Takes back this officer's latest tap of `kind` in the current shift. */
  'advisory:undo': event<AdvisoryTally>()(z.strictObject({ kind }), 'officer'),
  'advisory:mine': event<AdvisoryTally>()(z.strictObject({}), 'officer'),
};
