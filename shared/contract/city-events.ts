import { z } from 'zod';

/**
 * What a post ships to the city: one fact per record write, the record's state just after it
 * (a snapshot, so the newest fact of a record is its whole truth and a projection is rebuilt by
 * replaying them in seq order). Facts carry no person: no rider name, ID, phone, plate, note or
 * officer name ever leaves the post in them. Both sides parse them with these schemas: the post
 * when it writes one, the city before anything reaches PostgreSQL.
 */
const epochMs = z.number().int().nonnegative();
const id = z.number().int().positive();
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');

export const escortFact = z.strictObject({
  id,
  status: z.enum(['requested', 'met', 'departed', 'arrived', 'handedOver', 'cancelled']),
  source: z.string().max(20).nullable(),
  vehicle: z.string().max(20).nullable(),
  condition: z.string().max(20).nullable(),
  destination: z.string().max(20).nullable(),
  requestedAt: epochMs,
  metAt: epochMs.nullable(),
  departedAt: epochMs.nullable(),
  arrivedAt: epochMs.nullable(),
  handedOverAt: epochMs.nullable(),
  cancelledAt: epochMs.nullable(),
  backdated: z.boolean(),
});

export const helmetStopFact = z.strictObject({
  id,
  vehicle: z.enum(['ebike', 'motorcycle']),
  stoppedAt: epochMs,
  outcome: z.enum(['open', 'offered', 'fined', 'education', 'completed', 'abandoned', 'cancelled']),
  eligible: z.boolean(),
  priorStops: z.number().int().nonnegative(),
  fineYuan: z.number().int().nonnegative(),
  closedAt: epochMs.nullable(),
  offered: z.number().int().nonnegative(),
  choseEducation: z.number().int().nonnegative(),
  watchedSeconds: z.number().nonnegative(),
  watchedSessions: z.number().int().nonnegative(),
  quizFirstTries: z.number().int().nonnegative(),
  quizFirstPasses: z.number().int().nonnegative(),
  /**
   * The rider's city keys (HMAC with the city key from enrolment: ID, else phone, else plate first),
   * for the city-wide first-offence check. Hashes only; absent on facts written before the post was
   * enrolled with a city key (and on every fact written before this field existed).
   */
  riderKeys: z.array(hex64).max(3).optional(),
  /** The window the post decided with, so the city judges "two waivers in the window" by the same rule. */
  windowMonths: z.number().int().positive().max(120).optional(),
});

export const advisoryFact = z.strictObject({
  id,
  kind: z.enum(['stopAndGo', 'parking', 'other']),
  at: epochMs,
  undoneAt: epochMs.nullable(),
});

export const officerFact = z.strictObject({
  id,
  badge: z.string().min(1).max(20),
  role: z.enum(['officer', 'chief', 'admin']),
  active: z.boolean(),
});

export const factSchemas = {
  escort: escortFact,
  helmetStop: helmetStopFact,
  advisory: advisoryFact,
  officer: officerFact,
} as const;

export type FactKind = keyof typeof factSchemas;
export const factKinds = Object.keys(factSchemas) as FactKind[];
export type Fact<K extends FactKind = FactKind> = z.infer<(typeof factSchemas)[K]>;

/**
 * One outbox row on the wire. `payload` is the fact's JSON text exactly as the post hashed it, so
 * the city checks the chain over the same bytes: hash = sha256(prev_hash "\n" [seq, at, kind, entityId, payload]).
 */
export const shippedEvent = z
  .strictObject({
    seq: z.number().int().positive(),
    at: epochMs,
    kind: z.enum(factKinds as [FactKind, ...FactKind[]]),
    entityId: id,
    payload: z.string().max(4_000),
    prevHash: hex64,
    hash: hex64,
  })
  .superRefine((e, ctx) => {
    let value: unknown;
    try {
      value = JSON.parse(e.payload);
    } catch {
      ctx.addIssue({ code: 'custom', path: ['payload'], message: 'payload is not JSON' });
      return;
    }
    const parsed = factSchemas[e.kind].safeParse(value);
    if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['payload'], message: `not a ${e.kind} fact: ${parsed.error.issues[0]?.message ?? ''}` });
    else if (parsed.data.id !== e.entityId) ctx.addIssue({ code: 'custom', path: ['entityId'], message: 'entityId differs from the fact id' });
  });

export type ShippedEvent = z.infer<typeof shippedEvent>;

/** A batch from one post: at most this many events, in ascending seq with no gap between them. */
export const MAX_BATCH_EVENTS = 200;
export const shippedBatch = z.strictObject({
  timeZone: z.string().min(1).max(64),
  events: z.array(shippedEvent).min(1).max(MAX_BATCH_EVENTS),
});
export type ShippedBatch = z.infer<typeof shippedBatch>;
