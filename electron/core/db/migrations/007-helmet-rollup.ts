// Helmet figures per UTC day and per UTC hour, by vehicle, kept by triggers: a month's helmet tally
// sums ~60 rollup rows (the whole days, and the hours at either end) instead of aggregating ~8,000
// stops at 50 × volume, where 14 sums per stop cost more than the indexed read itself. UTC buckets, not
// post-local days: a month in any whole-hour zone is exactly a run of UTC hours and days, and the
// report reads the stops themselves for any part-hour at a range's ends, so the rollup never depends on
// the time-zone setting. Cancelled (撤销) stops weigh 0; each change to a stop takes its old weight out
// of both buckets and puts its new one in, so no sequence of writes can leave the rollup out of step.

/** Column of helmet_rollup → the stop's contribution; `$` is the row (NEW, OLD or the table). */
const figures: ReadonlyArray<readonly [string, ($: string) => string]> = [
  ['stops', () => '1'],
  ['eligible', ($) => `${$}.eligible`],
  ['completed', ($) => `${$}.outcome = 'completed'`],
  ['abandoned', ($) => `${$}.outcome = 'abandoned'`],
  ['fines', ($) => `${$}.outcome = 'fined'`],
  ['fine_yuan', ($) => `CASE WHEN ${$}.outcome = 'fined' THEN ${$}.fine_yuan ELSE 0 END`],
  ['repeat_riders', ($) => `${$}.prior_stops > 0`],
  ['offered', ($) => `${$}.offered`],
  ['chose_education', ($) => `${$}.chose_education`],
  ['watched_seconds', ($) => `${$}.watched_seconds`],
  ['watched_sessions', ($) => `${$}.watched_sessions`],
  ['quiz_first_tries', ($) => `${$}.quiz_first_tries`],
  ['quiz_first_passes', ($) => `${$}.quiz_first_passes`],
];
/** The stop columns the figures read: an update touching none of them leaves the rollup alone. */
const read = [
  'stopped_at',
  'vehicle',
  'outcome',
  'eligible',
  'fine_yuan',
  'prior_stops',
  'offered',
  'chose_education',
  'watched_seconds',
  'watched_sessions',
  'quiz_first_tries',
  'quiz_first_passes',
];

const names = figures.map(([name]) => name).join(', ');
/** The bucket sizes, in hours: `span` in the table. */
const spans = [1, 24];
const bucketOf = ($: string, span: number) => `${$}.stopped_at / ${span * 3_600_000}`;
const add = ($: string) =>
  spans
    .map(
      (span) => `
  INSERT INTO helmet_rollup (span, bucket, vehicle, ${names})
    SELECT ${span}, ${bucketOf($, span)}, ${$}.vehicle, ${figures.map(([, of]) => of($)).join(', ')} WHERE ${$}.outcome != 'cancelled'
  ON CONFLICT (span, bucket, vehicle) DO UPDATE SET ${figures.map(([n]) => `${n} = ${n} + excluded.${n}`).join(', ')};`,
    )
    .join('');
const takeOut = spans
  .map(
    (span) => `
  UPDATE helmet_rollup SET ${figures.map(([n, of]) => `${n} = ${n} - (${of('OLD')})`).join(', ')}
    WHERE span = ${span} AND bucket = ${bucketOf('OLD', span)} AND vehicle = OLD.vehicle AND OLD.outcome != 'cancelled';`,
  )
  .join('');

export default /* sql */ `
CREATE TABLE helmet_rollup (
  span    INTEGER NOT NULL CHECK (span IN (${spans.join(', ')})), -- hours per bucket: a UTC hour or a UTC day
  bucket  INTEGER NOT NULL,   -- stopped_at / (span × 3,600,000): the bucket's number since the epoch
  vehicle TEXT NOT NULL,
  ${figures.map(([n]) => `${n} ${n === 'watched_seconds' ? 'REAL' : 'INTEGER'} NOT NULL`).join(',\n  ')},
  PRIMARY KEY (span, bucket, vehicle)
) STRICT, WITHOUT ROWID;

${spans
  .map(
    (span) => `INSERT INTO helmet_rollup (span, bucket, vehicle, ${names})
  SELECT ${span}, ${bucketOf('s', span)}, s.vehicle, ${figures.map(([, of]) => `SUM(${of('s')})`).join(', ')}
  FROM helmet_stops s WHERE s.outcome != 'cancelled' GROUP BY 2, 3;`,
  )
  .join('\n')}

CREATE TRIGGER helmet_rollup_insert AFTER INSERT ON helmet_stops
BEGIN${add('NEW')}
END;
CREATE TRIGGER helmet_rollup_update AFTER UPDATE OF ${read.join(', ')} ON helmet_stops
  WHEN ${read.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')}
BEGIN${takeOut}${add('NEW')}
END;
CREATE TRIGGER helmet_rollup_delete AFTER DELETE ON helmet_stops
BEGIN${takeOut}
END;
`;
