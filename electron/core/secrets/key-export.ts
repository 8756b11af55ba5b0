import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { z } from 'zod';
import { validation } from '../errors';

/** scrypt at the cost the officers' PINs use; the file is useless without the passphrase. */
const SCRYPT = { N: 32_768, r: 8, p: 1 } as const;
const MAXMEM = 64 * 1024 * 1024;
const FORMAT = 'greenpost-rider-key';

const exportFile = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(1),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: z.string(),
  }),
  cipher: z.strictObject({ name: z.literal('aes-256-gcm'), iv: z.string(), tag: z.string() }),
  data: z.string(),
});

const derive = (passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }) =>
  scryptSync(passphrase.normalize('NFC'), salt, 32, { ...kdf, maxmem: MAXMEM });

/** The key sealed with a passphrase as a small JSON text: what 备份 → 导出密钥 downloads. */
export function sealKeyExport(secret: Buffer, keyId: string, passphrase: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(passphrase, salt, SCRYPT), iv);
  // The key id is bound in as associated data: a file cannot be relabelled for another backup.
  cipher.setAAD(Buffer.from(keyId));
  const data = Buffer.concat([cipher.update(secret), cipher.final()]);
  const file: z.infer<typeof exportFile> = {
    format: FORMAT,
    version: 1,
    keyId,
    kdf: { name: 'scrypt', ...SCRYPT, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    data: data.toString('base64'),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Opens an export; a wrong passphrase or an altered file is one clear VALIDATION error. */
export function openKeyExport(text: string, passphrase: string): { secret: Buffer; keyId: string } {
  let file: z.infer<typeof exportFile>;
  try {
    file = exportFile.parse(JSON.parse(text));
  } catch {
    throw validation('这不是绿岗导出的骑手密钥文件');
  }
  if (file.kdf.N > 1 << 20 || file.kdf.r > 16 || file.kdf.p > 4) throw validation('密钥文件的参数超出范围');
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      derive(passphrase, Buffer.from(file.kdf.salt, 'base64'), file.kdf),
      Buffer.from(file.cipher.iv, 'base64'),
    );
    decipher.setAAD(Buffer.from(file.keyId));
    decipher.setAuthTag(Buffer.from(file.cipher.tag, 'base64'));
    const secret = Buffer.concat([decipher.update(Buffer.from(file.data, 'base64')), decipher.final()]);
    if (secret.length !== 32) throw new Error('length');
    return { secret, keyId: file.keyId };
  } catch {
    throw validation('口令不正确，或密钥文件已被改动');
  }
}
