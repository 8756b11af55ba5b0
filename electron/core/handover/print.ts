import type { EscortOfficer } from '../../../shared/contract/escorts';
import type { HandoverPrintStamp } from '../../../shared/contract/handover';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { readHandover } from './records';

/**
 * A handover is printed by the page (Chromium's engine), as the monthly report is: the core records
 * the print and returns its audit entry's head for the paper to carry. Electron writes a file
 * (`handover.export`); a browser only opens its print dialog (`handover.print`).
 */
export function stampHandoverPrint(
  db: Db,
  req: { id: number; via?: 'app' | 'browser' },
  printedBy: EscortOfficer,
  actor: string,
  now: number,
): HandoverPrintStamp {
  const via = req.via ?? 'app';
  return db.transaction(() => {
    const handover = readHandover(db, req.id);
    const head = appendAudit(
      db,
      {
        actor,
        action: via === 'app' ? 'handover.export' : 'handover.print',
        entity: 'handover',
        entityId: handover.id,
        details: { format: 'pdf', via },
      },
      now,
    );
    return { generatedAt: now, auditSeq: head.seq, auditHash: head.hash, printedBy, handover };
  })();
}
