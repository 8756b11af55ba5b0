import type { CreateEscortInput, EscortView } from '../../../../shared/contract/escorts';
import {
  escortSteps,
  type Condition,
  type Destination,
  type EscortStep,
  type RequestSource,
  type VehicleKind,
} from '../../../../shared/domain/escort-kinds';
import { NO_PLATE } from '../../../../shared/domain/plate';
import { formatLocal, localToUtc } from '../../../../shared/domain/time';

/** What the escort form holds; step times are 'YYYY-MM-DDTHH:mm' wall times in the post's zone. */
export interface EscortFormValues {
  plate?: string;
  noPlate?: boolean;
  noPlateReason?: string;
  source?: RequestSource;
  vehicle?: VehicleKind;
  condition?: Condition;
  meetPoint?: string;
  destination?: Destination;
  officerIds?: number[];
  hospitalNotified?: boolean;
  relayFrom?: string;
  notes?: string;
  afterTheFact?: boolean;
  times?: Partial<Record<EscortStep, string | undefined>>;
}

/** A picker's wall time → UTC ms in the post's zone (the browser's own zone does not matter). */
export function pickedToUtc(value: string, timeZone: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  return localToUtc(timeZone, y, mo, d, h, mi);
}

/** UTC ms → the picker's wall time in the post's zone. */
export const utcToPicked = (ms: number, timeZone: string) => formatLocal(ms, timeZone).replace(' ', 'T');

const blankToUndefined = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/** Form → request: only what the officer filled in is sent. */
export function toCreateInput(v: EscortFormValues, timeZone: string): CreateEscortInput {
  const times: Partial<Record<EscortStep, number>> = {};
  if (v.afterTheFact) {
    for (const s of escortSteps) {
      const picked = v.times?.[s] ? pickedToUtc(v.times[s], timeZone) : undefined;
      if (picked !== undefined) times[s] = picked;
    }
  }
  return {
    plate: v.noPlate ? NO_PLATE : (v.plate ?? ''),
    noPlateReason: v.noPlate ? blankToUndefined(v.noPlateReason) : undefined,
    source: v.source,
    vehicle: v.vehicle,
    condition: v.condition,
    meetPoint: blankToUndefined(v.meetPoint),
    destination: v.destination,
    officerIds: v.officerIds?.length ? v.officerIds : undefined,
    hospitalNotified: v.hospitalNotified,
    relayFrom: blankToUndefined(v.relayFrom),
    notes: blankToUndefined(v.notes),
    times: Object.keys(times).length ? times : undefined,
  };
}

/** An escort → the edit form's starting values, its step times included. */
export const toFormValues = (e: EscortView, timeZone: string): EscortFormValues => ({
  times: Object.fromEntries(escortSteps.map((s) => [s, e.times[s] ? utcToPicked(e.times[s], timeZone) : undefined])),
  plate: e.plate === NO_PLATE ? '' : e.plate,
  noPlate: e.plate === NO_PLATE,
  noPlateReason: e.noPlateReason ?? undefined,
  source: e.source ?? undefined,
  vehicle: e.vehicle ?? undefined,
  condition: e.condition ?? undefined,
  meetPoint: e.meetPoint ?? undefined,
  destination: e.destination ?? undefined,
  officerIds: e.officers.map((o) => o.id),
  hospitalNotified: e.hospitalNotified,
  relayFrom: e.relayFrom ?? undefined,
  notes: e.notes ?? undefined,
});
