import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import type { Db } from '../../electron/core/db/open';
import { findKioskByToken, revokeKiosk } from '../../electron/core/kiosk/pairing';
import {
  isSameOrigin,
  MAX_SAVE_BYTES,
  NativeRequestError,
  parseNativeRequest,
  pdfName,
  printRequest,
  saveRequest,
} from '../../electron/main/guards';
import { BUILT_IN_KIOSK_NAME, builtInKioskToken, KIOSK_TOKEN_FILE } from '../../electron/main/kiosk-token';

const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41]);

describe('native request validation', () => {
  it('accepts what the booth sends', () => {
    expect(parseNativeRequest(printRequest, { suggestedName: '2025年6月 月度统计', landscape: true })).toEqual({
      suggestedName: '2025年6月 月度统计',
      landscape: true,
    });
    const save = parseNativeRequest(saveRequest, {
      suggestedName: 'tally-2025-06.xlsx',
      data: bytes,
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    });
    expect(save.data).toBe(bytes);
  });

  it.each([
    ['a path', { suggestedName: '../../Startup/x.bat', data: bytes }],
    ['a Windows path', { suggestedName: 'C:\\Windows\\x.dll', data: bytes }],
    ['a device name', { suggestedName: 'CON.csv', data: bytes }],
    ['a hidden file', { suggestedName: '.bashrc', data: bytes }],
    ['a trailing dot', { suggestedName: 'report.', data: bytes }],
    ['a control character', { suggestedName: 'a\u0000b.csv', data: bytes }],
    ['an empty name', { suggestedName: '', data: bytes }],
    ['a 500-character name', { suggestedName: `${'月'.repeat(500)}.csv`, data: bytes }],
    ['a string instead of bytes', { suggestedName: 'a.csv', data: 'hello' }],
    ['a plain array instead of bytes', { suggestedName: 'a.csv', data: [1, 2, 3] }],
    ['an unknown key', { suggestedName: 'a.csv', data: bytes, path: '/etc/passwd' }],
    ['a bad filter extension', { suggestedName: 'a.csv', data: bytes, filters: [{ name: 'x', extensions: ['*'] }] }],
    ['nothing', undefined],
  ])('rejects a save with %s', (_name, raw) => {
    expect(() => parseNativeRequest(saveRequest, raw)).toThrow(NativeRequestError);
  });

  it('rejects oversized data without copying it', () => {
    const huge = new Uint8Array(new ArrayBuffer(MAX_SAVE_BYTES + 1));
    expect(() => parseNativeRequest(saveRequest, { suggestedName: 'a.csv', data: huge })).toThrow(/过大|larger/);
  });

  it('rejects a print request with a non-boolean orientation', () => {
    expect(() => parseNativeRequest(printRequest, { suggestedName: 'a', landscape: 'yes' })).toThrow(/landscape/);
  });

  it('keeps a .pdf extension on printed files', () => {
    expect(pdfName('月报')).toBe('月报.pdf');
    expect(pdfName('月报.PDF')).toBe('月报.PDF');
  });
});

describe('isSameOrigin', () => {
  const core = 'http://127.0.0.1:5170';
  it.each([
    ['http://127.0.0.1:5170/kiosk#kioskToken=x', true],
    ['http://127.0.0.1:5170/reports?month=2025-06', true],
    ['http://127.0.0.1:5171/', false],
    ['http://localhost:5170/', false],
    ['https://127.0.0.1:5170/', false],
    ['https://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => expect(isSameOrigin(url, core)).toBe(expected));

  it('refuses everything before the core has started', () => {
    expect(isSameOrigin('http://127.0.0.1:5170/', undefined)).toBe(false);
  });
});

describe('builtInKioskToken', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'greenpost-kiosk-token-'));
    db = openDatabase(join(dir, 'greenpost.db'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers the kiosk once, stores the token owner-only, and reuses it', () => {
    const token = builtInKioskToken(db, dir, 1_750_000_000_000);
    expect(findKioskByToken(db, token)?.name).toBe(BUILT_IN_KIOSK_NAME);
    const file = join(dir, KIOSK_TOKEN_FILE);
    expect(readFileSync(file, 'utf8').trim()).toBe(token);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(builtInKioskToken(db, dir, 1_750_000_001_000)).toBe(token);
    expect(db.prepare('SELECT COUNT(*) AS n FROM kiosks').get()).toEqual({ n: 1 });
  });

  it('pairs afresh when an admin unpaired it or the file is garbage', () => {
    const first = builtInKioskToken(db, dir, 1_750_000_000_000);
    const row = findKioskByToken(db, first);
    expect(row).toBeDefined();
    revokeKiosk(db, row?.id ?? -1, 'officer:900001', 1_750_000_002_000);
    const second = builtInKioskToken(db, dir, 1_750_000_003_000);
    expect(second).not.toBe(first);
    expect(findKioskByToken(db, second)).toBeDefined();
    writeFileSync(join(dir, KIOSK_TOKEN_FILE), 'not-a-token\n');
    expect(builtInKioskToken(db, dir, 1_750_000_004_000)).not.toBe(second);
  });
});
