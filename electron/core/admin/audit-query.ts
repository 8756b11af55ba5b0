import type { z } from 'zod';
import type { AuditPage, AuditRecord, auditQuerySchema } from '../../../shared/contract/admin';
import type { Db } from '../db/open';
import type { AuditRow } from '../audit/chain';

type AuditQuery = z.output<typeof auditQuerySchema>;

/** `%` and `_` typed into a filter are matched literally. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page of the audit log, newest first. Who matches inside the actor (a badge number finds
 * `officer:900001`); what matches an action exactly or, ending in `.`, every action of that entity.
 */
export function queryAudit(db: Db, q: AuditQuery): AuditPage {
  const where: string[] = [];
  const args: Record<string, unknown> = {};
  if (q.actor) {
    where.push("actor LIKE @actor ESCAPE '\\'");
    args.actor = `%${likeEscape(q.actor)}%`;
  }
  if (q.action) {
    if (q.action.endsWith('.')) {
      where.push("action LIKE @action ESCAPE '\\'");
      args.action = `${likeEscape(q.action)}%`;
    } else {
      where.push('action = @action');
      args.action = q.action;
    }
  }
  if (q.from !== undefined) {
    where.push('at >= @from');
    args.from = q.from;
  }
  if (q.to !== undefined) {
    where.push('at <= @to');
    args.to = q.to;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT COUNT(*) FROM audit_log ${clause}`).pluck().get(args) as number;
  const rows = db
    .prepare(
      `SELECT seq, at, actor, action, entity, entity_id, details FROM audit_log ${clause} ORDER BY seq DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...args, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as Omit<AuditRow, 'prev_hash' | 'hash'>[];
  return {
    rows: rows.map((r): AuditRecord => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
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
