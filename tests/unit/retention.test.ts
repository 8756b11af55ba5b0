import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../electron/core/audit/chain';
import { readCareRecord } from '../../electron/core/data-care/care-record';
import {
  countPendingWipe,
  helmetStopPersonalData,
  retentionCutoff,
  wipeExpiredPersonalData,
} from '../../electron/core/data-care/retention';
import { migrate } from '../../electron/core/db/migrate';
import type { Db } from '../../electron/core/db/open';

const NOW = Date.UTC(2026, 10, 26, 8, 0, 0);
const DAY = 86_400_000;
let db: Db;
let insert: Database.Statement;

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
  const officer = db
    .prepare(
      "INSERT INTO officers (badge, name, role, pin_hash, active, created_at) VALUES ('900003', '张伟', 'officer', 'x', 1, 0)",
    )
    .run().lastInsertRowid;
  insert = db.prepare(
    `INSERT INTO helmet_stops (stopped_at, vehicle, outcome, plate, rider_name, id_hash, id_last4, phone_hash, phone_masked,
       place, officer_id, prior_stops, window_months, eligible, fine_yuan, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '岗亭', ${officer}, 0, 12, 1, 0, 0)`,
  );
  db.transaction(() => {
    // Six years of stops, one every ~4 days, some without any personal data at all, some (every
    // 5th) found by ID or phone only, without a plate.
    for (let i = 0; i < 550; i++) {
      const personal = i % 7 !== 0;
      insert.run(
        NOW - i * 4 * DAY,
        i % 3 ? 'ebike' : 'motorcycle',
        ['completed', 'fined', 'abandoned'][i % 3]!,
        personal && i % 5 === 0 ? null : `鲁P${String(i).padStart(5, '0')}`,
        personal ? `骑手${i}` : null,
        personal ? `hash-${i}` : null,
        personal ? String(1000 + i).slice(-4) : null,
        personal ? `phone-${i}` : null,
        personal ? '138****1234' : null,
      );
    }
  })();
});

const tallies = () =>
  db
    .prepare(
      "SELECT strftime('%Y', stopped_at / 1000, 'unixepoch') AS year, vehicle, outcome, COUNT(*) AS n FROM helmet_stops GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
    )
    .all();
const personalLeft = (where: string) =>
  db
    .prepare(
      `SELECT COUNT(*) FROM helmet_stops WHERE ${where} AND (rider_name IS NOT NULL OR id_hash IS NOT NULL OR id_last4 IS NOT NULL OR phone_hash IS NOT NULL OR phone_masked IS NOT NULL)`,
    )
    .pluck()
    .get();

describe('retention of helmet-stop personal data', () => {
  it('wipes name, ID hash and last 4, phone hash and masked phone of stops older than N years; every tally stays', () => {
    const cutoff = retentionCutoff(NOW, 3, 'Asia/Shanghai');
    expect(cutoff).toBe(Date.UTC(2023, 10, 26, 8, 0, 0));
    const before = tallies();
    const pending = countPendingWipe(db, helmetStopPersonalData, cutoff);
    expect(pending).toBeGreaterThan(100);
    const run = wipeExpiredPersonalData(db, helmetStopPersonalData, {
      years: 3,
      now: NOW,
      actor: 'officer:900001',
      trigger: 'manual',
    });
    expect(run).toEqual({ at: NOW, cutoff, years: 3, wiped: pending, trigger: 'manual' });
    expect(tallies()).toEqual(before);
    expect(db.prepare('SELECT COUNT(*) FROM helmet_stops').pluck().get()).toBe(550);
    expect(personalLeft(`stopped_at < ${cutoff}`)).toBe(0);
    // Newer stops keep everything, and non-personal fields of old ones (the plate) are untouched.
    expect(personalLeft(`stopped_at >= ${cutoff}`)).toBe(
      db.prepare(`SELECT COUNT(*) FROM helmet_stops WHERE stopped_at >= ${cutoff} AND id % 7 <> 1`).pluck().get(),
    );
    expect(
      db.prepare(`SELECT COUNT(*) FROM helmet_stops WHERE stopped_at < ${cutoff} AND plate IS NOT NULL`).pluck().get(),
    ).toBe(
      db
        .prepare(
          `SELECT COUNT(*) FROM helmet_stops WHERE stopped_at < ${cutoff} AND NOT (id % 7 <> 1 AND (id - 1) % 5 = 0)`,
        )
        .pluck()
        .get(),
    );
    // Each wiped stop says when it was wiped.
    expect(db.prepare(`SELECT COUNT(*) FROM helmet_stops WHERE personal_wiped_at = ${NOW}`).pluck().get()).toBe(
      pending,
    );
  });

  it('keeps a stop exactly at the cutoff, is idempotent, and audits each run it is asked for', () => {
    const cutoff = retentionCutoff(NOW, 3, 'Asia/Shanghai');
    insert.run(cutoff, 'ebike', 'fined', null, '边界', 'edge', null, null, null);
    wipeExpiredPersonalData(db, helmetStopPersonalData, {
      years: 3,
      now: NOW,
      actor: 'officer:900001',
      trigger: 'manual',
    });
    expect(db.prepare("SELECT rider_name FROM helmet_stops WHERE id_hash = 'edge'").pluck().get()).toBe('边界');
    const again = wipeExpiredPersonalData(db, helmetStopPersonalData, {
      years: 3,
      now: NOW,
      actor: 'officer:900001',
      trigger: 'manual',
    });
    expect(again.wiped).toBe(0);
    const audits = db
      .prepare("SELECT actor, entity, details FROM audit_log WHERE action = 'retention.wipe' ORDER BY seq")
      .all() as {
      actor: string;
      entity: string;
      details: string;
    }[];
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ actor: 'officer:900001', entity: 'helmet_stops' });
    expect(JSON.parse(audits[0]!.details)).toMatchObject({
      years: 3,
      cutoff,
      columns: ['rider_name', 'id_hash', 'id_last4', 'phone_hash', 'phone_masked'],
    });
    expect(readCareRecord(db).lastRetention).toMatchObject({ wiped: 0, trigger: 'manual' });
    // A daily run that finds nothing leaves no trace.
    wipeExpiredPersonalData(db, helmetStopPersonalData, {
      years: 3,
      now: NOW,
      actor: 'system:daily',
      trigger: 'daily',
    });
    expect(db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'retention.wipe'").pluck().get()).toBe(2);
    expect(verifyChain(db)).toMatchObject({ ok: true });
  });

  it('fails loudly when the table lacks a column it should wipe, changing nothing', () => {
    db.exec('ALTER TABLE helmet_stops RENAME COLUMN phone_masked TO phone_shown');
    const names = () => db.prepare('SELECT COUNT(rider_name) FROM helmet_stops').pluck().get();
    const before = names();
    expect(() =>
      wipeExpiredPersonalData(db, helmetStopPersonalData, { years: 3, now: NOW, actor: 'x', trigger: 'manual' }),
    ).toThrow(/缺少列 phone_masked/);
    expect(names()).toBe(before);
    expect(db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'retention.wipe'").pluck().get()).toBe(0);
  });

  it("matches the helmet migration's table: every column it wipes exists", () => {
    const bare = new Database(':memory:');
    migrate(bare);
    const columns = (bare.prepare('PRAGMA table_info(helmet_stops)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(
      expect.arrayContaining([
        helmetStopPersonalData.timeColumn,
        helmetStopPersonalData.wipedAtColumn,
        ...helmetStopPersonalData.personalColumns,
      ]),
    );
    expect(countPendingWipe(bare, helmetStopPersonalData, NOW)).toBe(0);
  });
});
