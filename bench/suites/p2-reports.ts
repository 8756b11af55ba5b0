// P2: the 统计报表 figures on ten years at 50 × real volume — a month's tally against a raw indexed
// aggregate of the same month measured in this run, a year's tally and the since-opening totals.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { migrate } from '../../electron/core/db/migrate';
import { monthReport, monthTally } from '../../electron/core/reports/month-report';
import { sinceOpening } from '../../electron/core/reports/since-opening';
import { yearTally } from '../../electron/core/reports/year-tally';
import { monthBounds, yearBounds } from '../../shared/domain/time';
import { BENCH_MONTH, BENCH_NOW, fillBenchDataset, medianMs, round2 } from '../report-bench-data';
import { entry, type BenchSuite } from '../types';

const TZ = 'Asia/Shanghai';

const suite: BenchSuite = async ({ quick, workDir, log }) => {
  const db = new Database(join(workDir, 'p2.db'));
  db.pragma('journal_mode = WAL');
  migrate(db);
  const officerIds = Array.from({ length: 12 }, (_, i) =>
    Number(
      db
        .prepare("INSERT INTO officers (badge, name, role, pin_hash, created_at) VALUES (?, ?, 'officer', 'x', 0)")
        .run(`8000${i + 10}`, `民警${i + 1}`).lastInsertRowid,
    ),
  );
  const { ms, volume } = fillBenchDataset(db, quick, officerIds);
  log(`dataset: ${volume.escorts} escorts, ${volume.advisories} 劝导 over 10 years in ${(ms / 1000).toFixed(1)} s`);
  const rounds = quick ? 15 : 60;
  const { year, month } = BENCH_MONTH;
  const m = monthBounds(TZ, year, month);
  const y = yearBounds(TZ, year);

  // The raw figure: what one indexed GROUP BY per table costs for the month, statements prepared once.
  const rawEscorts = db.prepare(
    'SELECT source, COUNT(*) FROM escorts WHERE requested_at >= ? AND requested_at < ? GROUP BY source',
  );
  const rawAdvisories = db.prepare('SELECT kind, COUNT(*) FROM advisories WHERE at >= ? AND at < ? GROUP BY kind');
  const raw = medianMs(rounds, () => {
    rawEscorts.all(m.start, m.end);
    rawAdvisories.all(m.start, m.end);
  });
  const tally = medianMs(rounds, () => monthTally(db, year, month, TZ));
  log(`month ${year}-${month}: ${monthTally(db, year, month, TZ).escorts.total} escorts`);

  const rawYear = db.prepare('SELECT COUNT(*) FROM escorts WHERE requested_at >= ? AND requested_at < ?');
  const rawYearMs = medianMs(rounds, () => rawYear.get(y.start, y.end));
  const yearMs = medianMs(quick ? 5 : 20, () => yearTally(db, year, TZ));

  const rawCounter = db.prepare('SELECT value FROM counters WHERE key = ?');
  const rawCounterMs = medianMs(rounds, () => rawCounter.get('escorts.total'));
  const sinceMs = medianMs(rounds, () => sinceOpening(db));

  const reportMs = medianMs(quick ? 5 : 20, () => monthReport(db, year, month, BENCH_NOW));
  db.close();

  return [
    entry({
      id: 'P2.month',
      name: "a month's tally (escorts, intervals, per officer, by hour, 劝导)",
      value: round2(tally),
      unit: 'ms',
      baseline: round2(raw),
      goal: '≤ 3 × raw indexed GROUP BY of the month',
      pass: tally <= 3 * raw,
    }),
    entry({
      id: 'P2.year',
      name: "a year's tally by month",
      value: round2(yearMs),
      unit: 'ms',
      baseline: round2(rawYearMs),
      goal: '≤ 100 ms',
      pass: yearMs <= 100,
    }),
    entry({
      id: 'P2.sinceOpening',
      name: 'since-opening totals',
      value: round2(sinceMs),
      unit: 'ms',
      baseline: round2(rawCounterMs),
      goal: '≤ 5 ms',
      pass: sinceMs <= 5,
    }),
    entry({
      id: 'P2.screen',
      name: 'the whole 统计报表 reply (month, previous, last year, year, since opening)',
      value: round2(reportMs),
      unit: 'ms',
      baseline: round2(tally),
      goal: '≤ 3 month tallies + year + since-opening + 20 ms',
      pass: reportMs <= 3 * tally + yearMs + sinceMs + 20,
    }),
  ];
};

export default suite;
