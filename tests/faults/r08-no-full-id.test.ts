import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FULL_ID_PATTERN } from '../../shared/domain/helmet';
import { findFullIds } from '../helpers/full-id';
import { pairedKiosk, validId } from '../helpers/helmet';
import { expectOk, officerClient, startTestCore, type TestClient, type TestCore } from '../helpers/test-core';
import { figure, scale } from './scale';

const NOW = Date.parse('2026-03-15T04:00:00Z');
let core: TestCore;
let officer: TestClient;
beforeAll(async () => {
  core = await startTestCore({ demo: true, clock: () => NOW, limits: { eventsPerSecond: 1e6, eventBurst: 1e6 } });
  officer = await officerClient(core.url, '900003', '123456');
});
afterAll(async () => {
  officer.close();
  await core.dispose();
});

/** Every byte the core has written for this post: the database, its WAL, and the log. */
const writtenBytes = () =>
  ['greenpost.db', 'greenpost.db-wal', join('logs', 'core.log')]
    .map((f) => join(core.dataDir, f))
    .filter((f) => existsSync(f))
    .map((f) => ({ file: f, text: readFileSync(f).toString('latin1') }));

it('R8: helmet stops taken with full ID numbers leave only the HMAC and the last 4 in the DB file and the log', async () => {
  const n = scale(300, 40);
  // Region, a real birth date (one a day from 1970), a sequence number, then the check character.
  const birth = (i: number) => new Date(Date.UTC(1970, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const ids = Array.from({ length: n }, (_, i) => validId(`371502${birth(i * 37)}${String(i % 1000).padStart(3, '0')}`));
  const { kiosk } = await pairedKiosk(core.url, officer);
  for (const [i, idNumber] of ids.entries()) {
    const stop = expectOk(await officer.send('helmet:create', { vehicle: i % 2 ? 'ebike' : 'motorcycle', idNumber, riderName: '测试骑行人' }));
    expect(stop.idLast4).toBe(idNumber.slice(-4));
    if (i % 10 === 0) {
      // A refused one too (wrong check digit), and an override and an offer that travel the same stop.
      const wrong = `${idNumber.slice(0, 17)}${idNumber.endsWith('0') ? '1' : '0'}`;
      const refused = await officer.send('helmet:create', { vehicle: 'ebike', idNumber: wrong });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!refused.ok) expect(refused.error.message).not.toMatch(FULL_ID_PATTERN);
      expectOk(await officer.send('helmet:offer', { stopId: stop.id }));
      expectOk(await officer.send('helmet:stopSession', { stopId: stop.id }));
    }
  }
  // A handler error path that logs, with a full ID in its payload.
  await officer.raw('helmet:create', { vehicle: 'ebike', idNumber: ids[0], junk: ids[1] });
  kiosk.close();

  const stored = core.core.db.prepare('SELECT id_hash, id_last4 FROM helmet_stops WHERE id_last4 IS NOT NULL').all() as {
    id_hash: Buffer | string;
    id_last4: string;
  }[];
  expect(stored).toHaveLength(n);
  // The scanner is not blind: it finds every one of them in plain text.
  expect(findFullIds(`x${ids.join('|')}x`)).toHaveLength(n);
  const files = writtenBytes();
  let bytes = 0;
  for (const { file, text } of files) {
    bytes += text.length;
    expect(findFullIds(text), file).toEqual([]);
    for (const id of ids.slice(0, 20)) expect(text.includes(id.slice(0, 17)), file).toBe(false);
  }
  // Folded into the main file as a checkpoint does: still none.
  core.core.db.pragma('wal_checkpoint(TRUNCATE)');
  expect(findFullIds(readFileSync(join(core.dataDir, 'greenpost.db')).toString('latin1'))).toEqual([]);
  const logLines = readFileSync(join(core.dataDir, 'logs', 'core.log'), 'utf8').split('\n').length - 1;
  figure('R8', `${n} helmet stops taken with full ID numbers: 0 full IDs in ${(bytes / 1024).toFixed(0)} KB of DB + WAL + ${logLines} log lines; ${stored.length} rows hold an HMAC and the last 4 only`);
}, 120_000);
