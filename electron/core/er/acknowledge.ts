import type { ErScreenInfo } from '../../../shared/contract/er';
import { appendAudit } from '../audit/chain';
import { stmt, transactional } from '../db/statements';
import { conflict, notFound } from '../errors';
import { findEscortRow, type EscortRow } from '../escorts/records';

/**
 * 已知悉 pressed on an ER screen. The first press is the one recorded (time, screen, audit entry on the
 * escort's timeline); a second press, from this screen or another, changes nothing and is not an error.
 * The escort's version is left alone so an officer's step in flight is not refused as stale.
 */
export const acknowledgePreAlert = transactional(
  (db, escortId: number, screen: ErScreenInfo, now: number): EscortRow => {
    const row = findEscortRow(db, escortId);
    if (!row) throw notFound(`护送记录 ${escortId} 不存在`);
    if (row.status === 'cancelled') throw conflict('该护送已取消，无需确认');
    const inserted = stmt(
      db,
      'INSERT INTO escort_pre_alerts (escort_id, er_screen_id, acked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ).run(escortId, screen.id, now).changes;
    if (inserted)
      appendAudit(
        db,
        {
          actor: `er:${screen.id}`,
          action: 'escort.preAlertAck',
          entity: 'escort',
          entityId: escortId,
          details: { screen: screen.name },
        },
        now,
      );
    return row;
  },
);
