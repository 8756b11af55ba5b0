import Database from 'better-sqlite3';
import { chmodSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { expectOk, officerClient, startTestCore, tempDataDir, type TestCore } from '../helpers/test-core';
import { bruteForce, keyBytesIn, makeRiders } from './rider-brute-force';
import { figure, rng } from './scale';

const cores: TestCore[] = [];
afterAll(async () => {
  for (const c of cores) await c.dispose();
});
const dataDir = tempDataDir('r17');
const limits = { eventBurst: 1000, eventsPerSecond: 1000 };
const start = async () => {
  const core = await startTestCore({ dataDir, demo: true, limits });
  cores.push(core);
  return core;
};
const keyFile = join(dataDir, 'rider-key');

const live = join(dataDir, 'greenpost.db');
/** The databases a thief would carry off: the live one (its WAL is read with it) and a backup. */
const stolen = (backup: string) => [live, backup];
/** Every file whose bytes must not hold the key. */
const onDisk = (backup: string) => [live, `${live}-wal`, backup];

/** Puts the database and one backup back in the layout every install had before this fix. */
function asBeforeTheFix(files: string[], key: Buffer) {
  for (const file of files) {
    const db = new Database(file);
    db.prepare("DELETE FROM settings WHERE key = 'helmet_key_id'").run();
    db.prepare("INSERT INTO settings (key, value) VALUES ('helmet_id_secret', ?)").run(key.toString('hex'));
    db.close();
  }
  rmSync(keyFile);
}

it('R17: the rider key is in neither the database nor a backup; the brute force that worked on the old layout recovers 0 of 100 riders', async () => {
  const riders = makeRiders(100, rng(17).int);
  let core = await start();
  const officer = await officerClient(core.url, '900003', '123456');
  for (const r of riders)
    expectOk(
      await officer.send('helmet:create', { vehicle: 'ebike', plate: r.plate, phone: r.phone, idNumber: r.idNumber }),
    );
  const admin = await officerClient(core.url, '900001', '123456');
  const backup = expectOk(await admin.send('backup:run', {})).file.path;
  officer.close();
  admin.close();

  const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
  expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  const now = { attack: bruteForce(stolen(backup)), traces: onDisk(backup).map((f) => keyBytesIn(f, key)) };
  expect(now.attack).toMatchObject({ riders: 100, keys: 0, recovered: 0 });
  expect(now.traces).toEqual([0, 0, 0]);

  // The finding, reproduced: the same files as an install before the fix kept them.
  await core.close();
  asBeforeTheFix(stolen(backup), key);
  const t0 = performance.now();
  const before = bruteForce(stolen(backup));
  const attackMs = Math.round(performance.now() - t0);
  expect(before).toMatchObject({ recovered: 100, phones: 100, ids: 20 });

  // Starting this version on them moves the key out, erases it, vacuums, and scrubs the backup.
  core = await start();
  expect(readFileSync(keyFile, 'utf8').trim()).toBe(key.toString('hex'));
  const after = bruteForce(stolen(backup));
  const traces = onDisk(backup).map((f) => keyBytesIn(f, key));
  expect(after).toMatchObject({ riders: 100, keys: 0, recovered: 0 });
  expect(traces).toEqual([0, 0, 0]);
  const moved = core.core.db.prepare("SELECT details FROM audit_log WHERE action = 'riderKey.moved'").all() as {
    details: string;
  }[];
  expect(moved.map((m) => JSON.parse(m.details) as unknown)).toEqual([{ to: `密钥文件 ${keyFile}`, scrubbed: 1 }]);
  // The key moved, it was not lost: the first rider is still a repeat offender.
  const again = await officerClient(core.url, '900004', '123456');
  expect(expectOk(await again.send('helmet:create', { vehicle: 'ebike', phone: riders[0]!.phone })).priorStops).toBe(1);
  again.close();
  await core.close();

  figure(
    'R17',
    `old layout: ${before.recovered}/100 riders (${before.phones} phones, ${before.ids} IDs) recovered from DB + backup in ${attackMs} ms (${before.hmacs} HMACs); ` +
      `after: ${after.recovered}/100, 0 keys to try, key bytes in DB/WAL/backup ${traces.join('/')}; key file 0600, backup scrubbed`,
  );
});

it('R17: a rider-key file other users can read is refused at start, and nothing starts', async () => {
  chmodSync(keyFile, 0o644);
  await expect(startTestCore({ dataDir, demo: true })).rejects.toThrow(/其他用户可读：请执行 chmod 600/);
  chmodSync(keyFile, 0o600);
  await start();
});
