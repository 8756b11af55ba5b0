import { chmodSync, existsSync, renameSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { syncFile, syncFolder } from '../data-care/db-files';

/**
 * Where a secret that must never sit in the database is kept. Electron seals it with the OS
 * (safeStorage: DPAPI, Keychain, libsecret); headless, it is an owner-only file beside the DB.
 */
export interface SecretVault {
  /** Said in logs and on 管理 → 备份, e.g. `密钥文件 /var/lib/greenpost/rider-key`. */
  readonly where: string;
  load(): Buffer | undefined;
  save(secret: Buffer): void;
}

const HEX_KEY = /^[0-9a-f]{64}$/;

/** Writes whole then renames, owner-only from the first byte: a crash never leaves half a key. */
export function writeOwnerOnly(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  syncFile(tmp);
  renameSync(tmp, file);
  syncFolder(dirname(file));
}

/**
 * A key file holding 64 hex digits. On POSIX a file any other user can read is refused outright:
 * the key is what keeps ID numbers and phones out of reach of whoever copies the database.
 */
export function keyFileVault(file: string): SecretVault {
  return {
    where: `密钥文件 ${file}`,
    load() {
      if (!existsSync(file)) return undefined;
      const mode = statSync(file).mode & 0o777;
      if (process.platform !== 'win32' && (mode & 0o077) !== 0)
        throw new Error(
          `骑手密钥文件 ${file} 的权限是 ${mode.toString(8).padStart(3, '0')}，其他用户可读：请执行 chmod 600 ${file} 后再启动`,
        );
      const text = readFileSync(file, 'utf8').trim().toLowerCase();
      if (!HEX_KEY.test(text)) throw new Error(`骑手密钥文件 ${file} 内容无效（应为 64 位十六进制）`);
      return Buffer.from(text, 'hex');
    },
    save(secret) {
      writeOwnerOnly(file, `${secret.toString('hex')}\n`);
    },
  };
}
