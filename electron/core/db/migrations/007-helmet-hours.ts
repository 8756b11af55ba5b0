// Helmet figures per UTC hour and vehicle, kept by triggers, so a month's helmet tally sums ~1,500
// rollup rows instead of aggregating ~8,000 stops at 50 × volume (14 sums per stop cost more than the
// indexed read itself). UTC hours, not post-local days: a month in any whole-hour zone is exactly a run
// of hours, and the report reads the stops themselves for any part-hour at a range's ends, so the rollup
// never depends on the time-zone setting. Cancelled (撤销) stops weigh 0; each change to a stop takes
// its old weight out and puts its new one in, so no sequence of writes can leave the rollup out of step.

/** Column of helmet_hours → the stop's contribution; `$` is the row (NEW, OLD or the table). */
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
const hourOf = ($: string) => `${$}.stopped_at / 3600000`;
const add = ($: string) => `
  INSERT INTO helmet_hours (hour, vehicle, ${names})
    SELECT ${hourOf($)}, ${$}.vehicle, ${figures.map(([, of]) => of($)).join(', ')} WHERE ${$}.outcome != 'cancelled'
  ON CONFLICT (hour, vehicle) DO UPDATE SET ${figures.map(([n]) => `${n} = ${n} + excluded.${n}`).join(', ')};`;
const takeOut = `
  UPDATE helmet_hours SET ${figures.map(([n, of]) => `${n} = ${n} - (${of('OLD')})`).join(', ')}
    WHERE hour = ${hourOf('OLD')} AND vehicle = OLD.vehicle AND OLD.outcome != 'cancelled';`;

export default /* sql */ `
CREATE TABLE helmet_hours (
  hour    INTEGER NOT NULL,   -- stopped_at / 3,600,000: the UTC hour since the epoch
  vehicle TEXT NOT NULL,
  ${figures.map(([n]) => `${n} ${n === 'watched_seconds' ? 'REAL' : 'INTEGER'} NOT NULL`).join(',\n  ')},
  PRIMARY KEY (hour, vehicle)
) STRICT, WITHOUT ROWID;

INSERT INTO helmet_hours (hour, vehicle, ${names})
  SELECT ${hourOf('s')}, s.vehicle, ${figures.map(([, of]) => `SUM(${of('s')})`).join(', ')}
  FROM helmet_stops s WHERE s.outcome != 'cancelled' GROUP BY 1, 2;

CREATE TRIGGER helmet_hours_insert AFTER INSERT ON helmet_stops
BEGIN${add('NEW')}
END;
CREATE TRIGGER helmet_hours_update AFTER UPDATE OF ${read.join(', ')} ON helmet_stops
  WHEN ${read.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')}
BEGIN${takeOut}${add('NEW')}
END;
CREATE TRIGGER helmet_hours_delete AFTER DELETE ON helmet_stops
BEGIN${takeOut}
END;
`;
