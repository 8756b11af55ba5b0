// P2: the 统计报表 figures on ten years at 50 × real volume — a month's tally against a raw indexed
// aggregate of the same month measured in this run, a year's tally and the since-opening totals.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { monthReport, monthTally } from '../../electron/core/reports/month-report';
import { sinceOpening } from '../../electron/core/reports/since-opening';
import { yearTally } from '../../electron/core/reports/year-tally';
import { monthBounds, yearBounds } from '../../shared/domain/time';
import { copyBenchDatabase } from '../bench-db';
import { BENCH_MONTH, BENCH_NOW, medianMs, round2 } from '../report-bench-data';
import { entry, type BenchSuite } from '../types';

const TZ = 'Asia/Shanghai';

const suite: BenchSuite = async ({ quick, workDir, log }) => {
  const file = join(workDir, 'p2.db');
  await copyBenchDatabase(quick, file, log);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const rounds = quick ? 15 : 60;
  const { year, month } = BENCH_MONTH;
  const m = monthBounds(TZ, year, month);
  const y = yearBounds(TZ, year);

  // The raw figure: what one indexed GROUP BY per table costs for the month, statements prepared once.
  const rawEscorts = db.prepare(
    'SELECT source, COUNT(*) FROM escorts WHERE requested_at >= ? AND requested_at < ? GROUP BY source',
  );
  const rawAdvisories = db.prepare('SELECT kind, COUNT(*) FROM advisories WHERE at >= ? AND at < ? GROUP BY kind');
  const rawHelmet = db.prepare(
    'SELECT vehicle, COUNT(*) FROM helmet_stops WHERE stopped_at >= ? AND stopped_at < ? GROUP BY vehicle',
  );
  const raw = medianMs(rounds, () => {
    rawEscorts.all(m.start, m.end);
    rawAdvisories.all(m.start, m.end);
    rawHelmet.all(m.start, m.end);
  });
  const tally = medianMs(rounds, () => monthTally(db, year, month, TZ));
  const t = monthTally(db, year, month, TZ);
  log(`month ${year}-${month}: ${t.escorts.requests} escorts, ${t.advisories.total} 劝导, ${t.helmet.stops} helmet stops`);
  log(`month tally ${round2(tally)} ms (CPU median) vs raw ${round2(raw)} ms`);

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
