import { deflateSync } from 'node:zlib';
import { idCheckChar } from '../../shared/domain/helmet';
import { createOfficer } from '../../electron/core/identity/officers';
import { officerClient, type TestClient, type TestCore } from './test-core';
import { pairedScreen } from './paired-screen';

/** A valid GB 11643 number from its first 17 digits. */
export const validId = (first17: string) => first17 + idCheckChar(first17);

/** One officer account on a fresh core (cheaper than the whole demo seed), signed in. */
export async function signedInOfficer(core: TestCore, badge = '700001') {
  await createOfficer(
    core.core.db,
    { badge, name: '测试民警', role: 'officer', pin: 'test-pin-1' },
    'test',
    core.core.clock(),
  );
  return officerClient(core.url, badge, 'test-pin-1');
}

/** Pairs a kiosk screen through the real protocol and returns it connected with its device token. */
export async function pairedKiosk(
  url: string,
  officer: TestClient,
): Promise<{ kiosk: TestClient; token: string; kioskId: number }> {
  const { client, token, info } = await pairedScreen(url, officer, 'kiosk');
  return { kiosk: client, token, kioskId: info.id };
}

const crc32 = (buf: Buffer) => {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
};

const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** A real PNG of `width`×`height` noisy grey pixels, as a data URL: stands in for a finger signature. */
export function signatureDataUrl(width = 48, height = 24, seed = 7): string {
  let x = seed;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width);
    for (let i = 1; i <= width; i++) row[i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) % 256;
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** The right answers to the questions a kiosk was shown, read from the bank as only a test may. */
export function correctAnswers(core: TestCore, questionIds: readonly string[]) {
  const get = core.core.db.prepare('SELECT answer FROM quiz_questions WHERE id = ?');
  return questionIds.map((questionId) => ({ questionId, choice: (get.get(questionId) as { answer: number }).answer }));
}
