import {
  CLOSED_TODAY_LIMIT,
  type EscortAuditRecord,
  type EscortBoard,
  type EscortDetail,
  type EscortOfficer,
  type EscortPage,
  type EscortStepRecord,
  type HistoryQuery,
} from '../../../shared/contract/escorts';
import { intervalsOf } from '../../../shared/domain/escort-timeline';
import { overdueLimitsOf } from '../../../shared/domain/overdue';
import { NO_PLATE } from '../../../shared/domain/plate';
import { dayBounds, parseDateKey, periodsAt } from '../../../shared/domain/time';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { notFound, validation } from '../errors';
import { readSettings } from '../settings-store';
import { readEscortCounters } from './counters';
import { loadEscort, toViews, type EscortRow } from './records';

const RECENT_MEET_POINT_DAYS = 90;

/** Everything a booth's board needs in one reply: also what a reconnecting screen refetches. */
export function readBoard(db: Db, now: number): EscortBoard {
  const s = readSettings(db);
  const today = periodsAt(now, s.timeZone).day;
  const open = stmt<EscortRow>(
    db,
    `SELECT * FROM escorts WHERE status NOT IN ('handedOver', 'cancelled') ORDER BY requested_at`,
  ).all();
  // Every escort closed today (a busy day is a few dozen), newest first; the screen folds the list.
  const closedToday = stmt<EscortRow>(
    db,
    `SELECT * FROM escorts WHERE requested_at >= ? AND status IN ('handedOver', 'cancelled')
        AND COALESCE(handed_over_at, cancelled_at) >= ? ORDER BY COALESCE(handed_over_at, cancelled_at) DESC LIMIT ?`,
  ).all(today.start - 86_400_000, today.start, CLOSED_TODAY_LIMIT);
  return {
    open: toViews(db, open),
    closedToday: toViews(db, closedToday),
    counters: readEscortCounters(db, now, s.timeZone),
    recentMeetPoints: recentMeetPoints(db, now),
    serverNow: now,
    overdue: overdueLimitsOf(s),
    timeZone: s.timeZone,
    defaultPlatePrefix: s.defaultPlatePrefix,
  };
}

/** Meet points used lately, most recent first: the form offers them as one-tap choices. */
export const recentMeetPoints = (db: Db, now: number): string[] =>
  stmt<{ meet_point: string }>(
    db,
    `SELECT meet_point, MAX(requested_at) AS last FROM escorts
      WHERE requested_at >= ? AND meet_point IS NOT NULL
      GROUP BY meet_point ORDER BY last DESC LIMIT 8`,
  )
    .all(now - RECENT_MEET_POINT_DAYS * 86_400_000)
    .map((r) => r.meet_point);

export const officerChoices = (db: Db): EscortOfficer[] =>
  stmt<EscortOfficer>(db, 'SELECT id, badge, name FROM officers WHERE active = 1 ORDER BY badge').all();

function dayStart(key: string, timeZone: string, what: string) {
  const d = parseDateKey(key);
  if (!d) throw validation(`${what}「${key}」不是有效日期`);
  return dayBounds(timeZone, d.year, d.month, d.day);
}

/** History search: newest first, filtered by local date range, plate, source, condition, officer, outcome. */
export function searchHistory(db: Db, q: HistoryQuery): EscortPage {
  const { timeZone } = readSettings(db);
  const where: string[] = [];
  const args: Record<string, unknown> = {};
  if (q.from) {
    where.push('e.requested_at >= @from');
    args.from = dayStart(q.from, timeZone, '开始日期').start;
  }
  if (q.to) {
    where.push('e.requested_at < @to');
    args.to = dayStart(q.to, timeZone, '结束日期').end;
  }
  if (q.from && q.to && (args.from as number) >= (args.to as number)) throw validation('开始日期不能晚于结束日期');
  if (q.plate) {
    // Plates are stored upper-case without separators; match what the officer remembers of one.
    const needle =
      q.plate === NO_PLATE
        ? NO_PLATE
        : q.plate
            .normalize('NFKC')
            .toUpperCase()
            .replace(/[\s·•.\-_]/g, '');
    where.push(`e.plate LIKE @plate ESCAPE '\\'`);
    args.plate = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (q.source) {
    where.push('e.source = @source');
    args.source = q.source;
  }
  if (q.condition) {
    where.push('e.condition = @condition');
    args.condition = q.condition;
  }
  if (q.officerId) {
    where.push('EXISTS (SELECT 1 FROM escort_officers eo WHERE eo.escort_id = e.id AND eo.officer_id = @officerId)');
    args.officerId = q.officerId;
  }
  if (q.outcome === 'open') where.push(`e.status NOT IN ('handedOver', 'cancelled')`);
  else if (q.outcome) {
    where.push('e.status = @outcome');
    args.outcome = q.outcome;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM escorts e ${clause}`).get(args) as { n: number }).n;
  const rows = db
    .prepare(`SELECT e.* FROM escorts e ${clause} ORDER BY e.requested_at DESC, e.id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...args, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as EscortRow[];
  return { rows: toViews(db, rows), total, timeZone };
}

/** One escort with its timeline (time and officer per step), its intervals and its audit trail. */
export function readDetail(db: Db, id: number): EscortDetail {
  const escort = loadEscort(db, id);
  if (!escort) throw notFound(`护送记录 ${id} 不存在`);
  const steps = stmt<{
    step: EscortStepRecord['step'];
    at: number;
    recorded_at: number;
    id: number;
    badge: string;
    name: string;
  }>(
    db,
    `SELECT s.step, s.at, s.recorded_at, o.id, o.badge, o.name FROM escort_steps s
       JOIN officers o ON o.id = s.officer_id WHERE s.escort_id = ? ORDER BY s.at, s.id`,
  )
    .all(id)
    .map((r) => ({
      step: r.step,
      at: r.at,
      recordedAt: r.recorded_at,
      officer: { id: r.id, badge: r.badge, name: r.name },
    }));
  const audit = stmt<{
    seq: number;
    at: number;
    actor: string;
    action: string;
    details: string;
    actor_name: string | null;
  }>(
    db,
    `SELECT a.seq, a.at, a.actor, a.action, a.details, COALESCE(o.name, e.name) AS actor_name
     FROM audit_log a LEFT JOIN officers o ON a.actor LIKE 'officer:%' AND o.badge = substr(a.actor, 9)
       LEFT JOIN er_screens e ON a.actor LIKE 'er:%' AND e.id = CAST(substr(a.actor, 4) AS INTEGER)
     WHERE a.entity = 'escort' AND a.entity_id = ? ORDER BY a.seq`,
  )
    .all(String(id))
    .map(({ actor_name, ...r }): EscortAuditRecord => ({
      ...r,
      ...(actor_name ? { actorName: actor_name } : {}),
      details: JSON.parse(r.details) as Record<string, unknown>,
    }));
  return { escort, steps, intervals: intervalsOf(escort.times), audit, timeZone: readSettings(db).timeZone };
}
