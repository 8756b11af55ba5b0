import foundation from './001-foundation';

/** Ordered; a migration is never edited once shipped — add the next number instead. */
export const migrations: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  { version: 1, name: 'foundation', sql: foundation },
];
