/** Stable error codes the UI translates; never renamed once shipped. */
export const errorCodes = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
  /** Another server (the city) could not be reached. */
  'UNAVAILABLE',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AckError {
  code: ErrorCode;
  message: string;
  /** Optional machine-readable detail, e.g. the current state after a CONFLICT. */
  details?: unknown;
}

export type Ack<T> = { ok: true; value: T } | { ok: false; error: AckError };

export const ok = <T>(value: T): Ack<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Ack<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
