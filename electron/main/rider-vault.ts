import { safeStorage } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOwnerOnly, type SecretVault } from '../core/secrets/vault';

export const SEALED_RIDER_KEY = 'rider-key.sealed';

/**
 * The rider key sealed by the OS (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux)
 * in the userData folder, which backups never copy. Where the OS offers no real store (Linux
 * without a keyring: safeStorage falls back to a fixed key), undefined: the core then keeps an
 * owner-only key file instead, which is no weaker than that fallback and says so honestly.
 */
export function sealedRiderVault(userData: string): SecretVault | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  const file = join(userData, SEALED_RIDER_KEY);
  return {
    where: `系统钥匙串加密的 ${file}`,
    load: () =>
      existsSync(file)
        ? Buffer.from(safeStorage.decryptString(Buffer.from(readFileSync(file, 'utf8'), 'base64')), 'hex')
        : undefined,
    save: (secret) => writeOwnerOnly(file, safeStorage.encryptString(secret.toString('hex')).toString('base64')),
  };
}
