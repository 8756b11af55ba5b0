import foundation from './001-foundation';
import escorts from './002-escorts';
import helmet from './003-helmet';
import runningTotals from './004-running-totals';
import content from './005-content';
import helmetReportColumns from './006-helmet-report-columns';
import helmetRollup from './007-helmet-rollup';
import erPreAlerts from './008-er-pre-alerts';
import handover from './009-handover';
import outbox from './010-outbox';
import cityRiderKeys from './011-city-rider-keys';

/**
 * Ordered; a migration is never edited once shipped — add the next number instead. Versions ascend
 * but may skip one reserved for a branch not yet merged (8): the runner applies whatever is missing.
 */
export const migrations: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  { version: 1, name: 'foundation', sql: foundation },
  { version: 2, name: 'escorts', sql: escorts },
  { version: 3, name: 'helmet', sql: helmet },
  { version: 4, name: 'running-totals', sql: runningTotals },
  { version: 5, name: 'content', sql: content },
  { version: 6, name: 'helmet-report-columns', sql: helmetReportColumns },
  { version: 7, name: 'helmet-rollup', sql: helmetRollup },
  { version: 8, name: 'er-pre-alerts', sql: erPreAlerts },
  { version: 9, name: 'handover', sql: handover },
  { version: 10, name: 'outbox', sql: outbox },
  { version: 11, name: 'city-rider-keys', sql: cityRiderKeys },
];
