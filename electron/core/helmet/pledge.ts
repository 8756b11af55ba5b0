import { PLEDGE_TEXT } from '../../../shared/domain/helmet';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { conflict, validation } from '../errors';
import { kioskSession, loadSession, setPhase, type SessionRow } from './sessions';
import { moveStop } from './stops';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Smaller than this is an empty canvas, not a signature. */
const MIN_SIGNATURE_BYTES = 300;

/** Decodes and checks a `data:image/png;base64,…` signature; the schema already capped its size. */
export function signaturePng(dataUrl: string): Buffer {
  const png = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (png.length < PNG_MAGIC.length || !png.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC))
    throw validation('签名应为 PNG 图片');
  if (png.length < MIN_SIGNATURE_BYTES) throw validation('请用手指在框内签名');
  return png;
}

/**
 * The signed pledge completes the education: the session is done and the stop closes as
 * 教育完成·免予处罚, in one transaction, once. A resend after a lost ack finds it done and changes nothing.
 */
export function signPledge(db: Db, kioskId: number, sessionId: number, dataUrl: string, now: number): SessionRow {
  const png = signaturePng(dataUrl);
  return db.transaction(() => {
    const s = kioskSession(db, kioskId, sessionId);
    if (s.phase === 'done') return s;
    if (s.phase !== 'pledge') throw conflict('当前不在签署承诺环节');
    setPhase(db, s, 'done', now, {
      pledge_text: PLEDGE_TEXT,
      pledge_png: png,
      pledge_signed_at: now,
      completed_at: now,
      ended_at: now,
    });
    moveStop(db, s.stop_id, ['education'], { outcome: 'completed', closed_at: now }, now);
    appendAudit(
      db,
      {
        actor: `kiosk:${kioskId}`,
        action: 'helmet.session.completed',
        entity: 'education_session',
        entityId: s.id,
        details: { stopId: s.stop_id, watchedSeconds: Math.round(s.watched_seconds * 10) / 10, quizScore: s.quiz_score, signatureBytes: png.length },
      },
      now,
    );
    return loadSession(db, s.id)!;
  })();
}

/** The stored signature as a data URL, for the booth to show; null when none was signed. */
export function pledgeImage(db: Db, stopId: number): string | null {
  const row = stmt(db, 'SELECT pledge_png FROM education_sessions WHERE stop_id = ? AND pledge_png IS NOT NULL ORDER BY id DESC LIMIT 1')
    .get(stopId) as { pledge_png: Buffer } | undefined;
  return row ? `data:image/png;base64,${row.pledge_png.toString('base64')}` : null;
}
