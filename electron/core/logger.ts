import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

/** Field names that must never reach a log line, whatever a caller passes. */
const secretKeys = /pin|password|token|secret|idnumber|id_number|phone/i;

const redact = (fields: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, secretKeys.test(k) ? '[redacted]' : v]));

/** One JSON line per event into `<data>/logs/core.log`; warnings and errors also to stderr. */
export function createLogger(dataDir: string, quiet = false): Logger {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'core.log');
  return (level, message, fields = {}) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...redact(fields) });
    try {
      appendFileSync(file, line + '\n');
    } catch {
      // A full disk must not turn a log line into a crash.
    }
    if (!quiet && level !== 'info') process.stderr.write(line + '\n');
  };
}
