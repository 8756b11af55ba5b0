import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { ADVISORY_SQL } from '../../electron/core/reports/advisory-tally';
import { ESCORT_CREW_SQL, ESCORT_EXPORT_SQL } from '../../electron/core/reports/escort-rows';
import {
  ESCORT_HOURS_SQL,
  ESCORT_INSTANTS_SQL,
  ESCORT_OFFICERS_SQL,
  ESCORT_TALLY_SQL,
} from '../../electron/core/reports/escort-tally';
import { HELMET_EXPORT_SESSIONS_SQL, HELMET_EXPORT_SQL } from '../../electron/core/reports/helmet-rows';
import { HELMET_ROLLUP_SQL, HELMET_STOPS_SQL } from '../../electron/core/reports/helmet-tally';
import { YEAR_ADVISORIES_SQL, YEAR_ESCORTS_SQL } from '../../electron/core/reports/year-tally';

const db = new Database(':memory:');
migrate(db);

const plan = (sql: string, params: number) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...new Array<number>(params).fill(0)) as { detail: string }[]).map(
    (r) => r.detail,
  );

/** The month and year queries each reach their rows through an index: no step scans a whole table. */
describe('report queries use their indexes', () => {
  const cases: [string, string, number, RegExp[]][] = [
    [
      'month escorts',
      ESCORT_TALLY_SQL,
      2,
      [/SEARCH escorts USING INDEX escorts_requested_at \(requested_at>\? AND requested_at<\?\)/],
    ],
    [
      'month by hour',
      ESCORT_HOURS_SQL,
      3,
      [/SEARCH escorts USING (COVERING )?INDEX escorts_requested_at \(requested_at>\? AND requested_at<\?\)/],
    ],
    ['month instants (DST)', ESCORT_INSTANTS_SQL, 2, [/SEARCH escorts USING (COVERING )?INDEX escorts_requested_at/]],
    [
      'month per officer',
      ESCORT_OFFICERS_SQL,
      2,
      [
        /SEARCH e USING INDEX escorts_requested_at/,
        /SEARCH eo USING COVERING INDEX sqlite_autoindex_escort_officers_1 \(escort_id=\?\)/,
      ],
    ],
    [
      'month export crew',
      ESCORT_CREW_SQL,
      2,
      [
        /SEARCH e USING COVERING INDEX escorts_requested_at/,
        /SEARCH eo USING COVERING INDEX sqlite_autoindex_escort_officers_1 \(escort_id=\?\)/,
      ],
    ],
    ['month export rows', ESCORT_EXPORT_SQL, 2, [/SEARCH escorts USING INDEX escorts_requested_at/]],
    ['month 劝导', ADVISORY_SQL, 2, [/SEARCH advisories USING INDEX advisories_at \(at>\? AND at<\?\)/]],
    ['year escorts', YEAR_ESCORTS_SQL, 2, [/SEARCH escorts USING INDEX escorts_requested_at/]],
    ['year 劝导 (per month)', YEAR_ADVISORIES_SQL, 2, [/SEARCH advisories USING INDEX advisories_at/]],
    [
      'month helmet stops',
      HELMET_STOPS_SQL,
      2,
      [/SEARCH helmet_stops USING INDEX helmet_stops_stopped_at \(stopped_at>\? AND stopped_at<\?\)/],
    ],
    [
      'month helmet rollup',
      HELMET_ROLLUP_SQL,
      3,
      [/SEARCH helmet_rollup USING PRIMARY KEY \(span=\? AND bucket>\? AND bucket<\?\)/],
    ],
    ['month helmet export rows', HELMET_EXPORT_SQL, 2, [/SEARCH helmet_stops USING INDEX helmet_stops_stopped_at/]],
    [
      'month helmet export sessions',
      HELMET_EXPORT_SESSIONS_SQL,
      2,
      [
        /SEARCH s USING COVERING INDEX helmet_stops_stopped_at/,
        /SEARCH es USING INDEX education_sessions_stop \(stop_id=\?\)/,
      ],
    ],
  ];
  for (const [name, sql, params, expected] of cases) {
    it(name, () => {
      const steps = plan(sql, params);
      for (const e of expected)
        expect(
          steps.some((s) => e.test(s)),
          `${steps.join(' | ')}`,
        ).toBe(true);
      expect(
        steps.filter((s) =>
          /^SCAN (helmet_rollup|escorts|advisories|escort_officers|e|eo|helmet_stops|education_sessions|quiz_attempts|s|es|q)\b/.test(
            s,
          ),
        ),
      ).toEqual([]);
    });
  }

  it('sorts the export rows by the index, with no temporary sort', () => {
    expect(plan(ESCORT_EXPORT_SQL, 2).some((s) => s.includes('TEMP B-TREE'))).toBe(false);
    expect(plan(HELMET_EXPORT_SQL, 2).some((s) => s.includes('TEMP B-TREE'))).toBe(false);
  });
});
