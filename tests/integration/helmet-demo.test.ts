import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../electron/core/audit/chain';
import { FULL_ID_PATTERN } from '../../shared/domain/helmet';
import { startTestCore } from '../helpers/test-core';

const NOW = Date.parse('2026-05-20T04:00:00Z');

describe('--demo helmet history', () => {
  it('tells five years of stops through the domain functions, with a believable mix', { timeout: 600_000 }, async () => {
    const core = await startTestCore({ demo: true, demoYears: 5, clock: () => NOW });
    try {
      const { db } = core.core;
      const one = <T>(sql: string) => db.prepare(sql).get() as T;
      const span = one<{ first: number; last: number; n: number }>('SELECT MIN(stopped_at) AS first, MAX(stopped_at) AS last, COUNT(*) AS n FROM helmet_stops');
      expect(NOW - span.first).toBeGreaterThan(4.9 * 365 * 86_400_000);
      expect(NOW - span.last).toBeLessThan(3 * 86_400_000);
      expect(span.n).toBeGreaterThan(2500);
      const share = (outcome: string) =>
        one<{ n: number }>(`SELECT COUNT(*) AS n FROM helmet_stops WHERE outcome = '${outcome}'`).n / span.n;
      expect(share('completed')).toBeGreaterThan(0.5);
      expect(share('fined')).toBeGreaterThan(0.15);
      expect(share('abandoned')).toBeGreaterThan(0.005);
      expect(share('cancelled')).toBeGreaterThan(0);
      // Repeat riders exist, and each was fined the repeat amount unless an officer overrode it.
      expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM helmet_stops WHERE eligible = 0').n).toBeGreaterThan(span.n * 0.05);
      expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM helmet_stops WHERE eligible = 0 AND override_reason IS NULL AND outcome = 'completed'").n).toBe(0);
      // Everything is closed: no live session, no stop waiting for anything.
      expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM education_sessions WHERE phase IN ('choice', 'video', 'quiz', 'pledge')").n).toBe(0);
      expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM helmet_stops WHERE outcome IN ('open', 'offered', 'education') OR (outcome = 'fined' AND ticket_no IS NULL)").n).toBe(0);
      // Completion was earned the core's way: counted seconds reach the end, with quiz and pledge.
      const done = one<{ short: number; unsigned: number; failedQuiz: number }>(
        `SELECT SUM(watched_seconds < duration_seconds - 1) AS short, SUM(pledge_png IS NULL) AS unsigned,
                SUM(quiz_score < 80) AS failedQuiz FROM education_sessions WHERE phase = 'done'`,
      );
      expect(done).toEqual({ short: 0, unsigned: 0, failedQuiz: 0 });
      expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM quiz_attempts WHERE passed = 0').n).toBeGreaterThan(0);
      expect(one<{ n: number }>('SELECT SUM(prompts_missed) AS n FROM education_sessions').n).toBeGreaterThan(0);
      // Audited like live work, and no ID in clear anywhere.
      expect(verifyChain(db).ok).toBe(true);
      expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'helmet.session.completed'").n).toBe(
        one<{ n: number }>("SELECT COUNT(*) AS n FROM education_sessions WHERE phase = 'done'").n,
      );
      expect(JSON.stringify(db.prepare('SELECT rider_name, plate, id_last4, phone_masked FROM helmet_stops').all())).not.toMatch(FULL_ID_PATTERN);
      // The demo's own kiosk is not left paired: the booth sees no phantom screen.
      expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM kiosks WHERE revoked_at IS NULL').n).toBe(0);
    } finally {
      await core.dispose();
    }
  });
});
