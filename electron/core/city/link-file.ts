import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeOwnerOnly } from '../secrets/vault';

/**
 * This post's enrolment with the city: the city's address, the post's id there and its ingest
 * credential and the city's rider key. A credential is a secret like the rider key, so it is kept the same way: an owner-only
 * file beside the database (`city-link`), never in `greenpost.db` or a backup.
 */
export const cityLink = z.strictObject({
  cityUrl: z.string().url(),
  postId: z.number().int().positive(),
  postName: z.string().min(1),
  credential: z.string().regex(/^[0-9a-f]{64}$/),
  enrolledAt: z.number().int(),
  /**
   * The city key riders are keyed with at every post (32 bytes, hex), as secret as the credential.
   * Optional: a link written before the city handed one out has none, and its stops are decided
   * locally, marked 未经全市核验, until the post is enrolled again.
   */
  cityKey: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type CityLink = z.infer<typeof cityLink>;

export const linkFile = (dataDir: string) => join(dataDir, 'city-link');

export function loadLink(dataDir: string): CityLink | undefined {
  const file = linkFile(dataDir);
  if (!existsSync(file)) return undefined;
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0)
    throw new Error(`全市联网凭证文件 ${file} 其他用户可读：请执行 chmod 600 ${file} 后再启动`);
  return cityLink.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export const saveLink = (dataDir: string, link: CityLink) => writeOwnerOnly(linkFile(dataDir), `${JSON.stringify(link)}\n`);
