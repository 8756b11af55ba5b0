import { z } from 'zod';

/** Largest export the booth is expected to write; a month's XLSX is a few hundred KB. */
export const MAX_SAVE_BYTES = 100 * 1024 * 1024;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
const hasControlChar = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * A file name (not a path) offered in the save dialog. The user can still pick any folder; this only
 * stops a compromised page from steering the default towards `..\..\Startup\x.bat` or a device name.
 */
export const suggestedName = z
  .string()
  .min(1)
  .max(120)
  .refine((s) => !hasControlChar(s) && !/[<>:"/\\|?*]/.test(s), '文件名含非法字符 / file name has forbidden characters')
  .refine(
    (s) => !s.startsWith('.') && !/[. ]$/.test(s),
    '文件名不能以点或空格开头结尾 / bad leading or trailing dot/space',
  )
  .refine((s) => !WINDOWS_RESERVED.test(s), '文件名为系统保留名 / reserved device name');

const fileFilter = z.strictObject({
  name: z.string().min(1).max(60),
  extensions: z
    .array(z.string().regex(/^[A-Za-z0-9]{1,10}$/))
    .min(1)
    .max(10),
});

export const printRequest = z.strictObject({
  suggestedName,
  landscape: z.boolean().optional(),
});

export const saveRequest = z.strictObject({
  suggestedName,
  data: z
    .instanceof(Uint8Array)
    .refine((d) => d.byteLength <= MAX_SAVE_BYTES, `文件过大 / file larger than ${MAX_SAVE_BYTES} bytes`),
  filters: z.array(fileFilter).max(8).optional(),
});

export class NativeRequestError extends Error {}

/** Parses an IPC argument or throws one readable error (the renderer shows it; nothing is written). */
export function parseNativeRequest<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw new NativeRequestError(
    `无效请求 / invalid request: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'rejected'}`,
  );
}

/** The PDF keeps a .pdf extension whatever the page suggested. */
export const pdfName = (name: string) => (/\.pdf$/i.test(name) ? name : `${name}.pdf`);

/** True when `url` is served by the core (same scheme, host and port); false for anything unparsable. */
export function isSameOrigin(url: string, coreOrigin: string | undefined): boolean {
  if (!coreOrigin) return false;
  try {
    return new URL(url).origin === coreOrigin;
  } catch {
    return false;
  }
}
