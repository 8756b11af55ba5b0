import type { z } from 'zod';
import type { AuditPage, AuditRecord, auditQuerySchema } from '../../../shared/contract/admin';
import type { Db } from '../db/open';
import type { AuditRow } from '../audit/chain';

type AuditQuery = z.output<typeof auditQuerySchema>;

/** `%` and `_` typed into a filter are matched literally. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page of the audit log, newest first. Who matches inside the actor (a badge number finds
 * `officer:900001`) or the officer's or kiosk's name; what matches an action exactly or, ending in `.`,
 * every action of that entity. Each row carries the actor's name, looked up by badge or kiosk id.
 */
export function queryAudit(db: Db, q: AuditQuery): AuditPage {
  const where: string[] = [];
  const args: Record<string, unknown> = {};
  if (q.actor) {
    where.push("(a.actor LIKE @actor ESCAPE '\\' OR o.name LIKE @actor ESCAPE '\\' OR k.name LIKE @actor ESCAPE '\\')");
    args.actor = `%${likeEscape(q.actor)}%`;
  }
  if (q.action) {
    if (q.action.endsWith('.')) {
      where.push("a.action LIKE @action ESCAPE '\\'");
      args.action = `${likeEscape(q.action)}%`;
    } else {
      where.push('a.action = @action');
      args.action = q.action;
    }
  }
  if (q.from !== undefined) {
    where.push('a.at >= @from');
    args.from = q.from;
  }
  if (q.to !== undefined) {
    where.push('a.at <= @to');
    args.to = q.to;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // By the badge's and the kiosk id's own indexes, not by a concatenation no index can serve.
  const from = `audit_log a
    LEFT JOIN officers o ON a.actor LIKE 'officer:%' AND o.badge = substr(a.actor, 9)
    LEFT JOIN kiosks k ON a.actor LIKE 'kiosk:%' AND k.id = CAST(substr(a.actor, 7) AS INTEGER)
    LEFT JOIN er_screens e ON a.actor LIKE 'er:%' AND e.id = CAST(substr(a.actor, 4) AS INTEGER)`;
  const total = db.prepare(`SELECT COUNT(*) FROM ${from} ${clause}`).pluck().get(args) as number;
  const rows = db
    .prepare(
      `SELECT a.seq, a.at, a.actor, a.action, a.entity, a.entity_id, a.details, COALESCE(o.name, k.name, e.name) AS actor_name
       FROM ${from} ${clause} ORDER BY a.seq DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...args, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as (Omit<AuditRow, 'prev_hash' | 'hash'> & {
    actor_name: string | null;
  })[];
  return {
    rows: rows.map((r): AuditRecord => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      ...(r.actor_name ? { actorName: r.actor_name } : {}),
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      details: JSON.parse(r.details) as Record<string, unknown>,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export const auditActions = (db: Db): string[] =>
  db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').pluck().all() as string[];
