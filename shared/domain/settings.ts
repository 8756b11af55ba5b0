import { z } from 'zod';

// Browser-safe checks for the settings below (no node:path or node:net here: shared/ runs in the page too).
const isAbsolutePath = (v: string) => /^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/.test(v) && !/[\0<>"|?*]/.test(v.replace(/^[A-Za-z]:/, ''));
const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const isBindAddress = (v: string) => ipv4.test(v) || v === '::' || v === '::1';
const isHttpUrl = (v: string) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && u.pathname === '/' && !u.search && !u.hash;
  } catch {
    return false;
  }
};

/**
 * Post-wide settings. Each feature adds its keys here with a default, so a fresh install works and
 * the admin screen can list and validate every one of them with this one schema.
 */
export const settingsSchema = z.object({
  postName: z.string().trim().min(1).max(40).default('聊城交警 市医院岗'),
  timeZone: z.string().min(1).max(64).default('Asia/Shanghai'),
  /** Minutes without 到达 after which an open escort is highlighted on the board. */
  overdueEscortMinutes: z.number().int().min(1).max(240).default(20),
  /** Years after which a helmet stop's personal fields (name, ID hash and last 4, phone) are wiped. */
  helmetRetentionYears: z.number().int().min(1, '至少保留 1 年').max(30, '最多保留 30 年').default(3),
  /** Absolute folder for backups; empty means `<data dir>/backups`. */
  backupFolder: z
    .string()
    .trim()
    .max(400, '路径最多 400 个字符')
    .refine((v) => v === '' || isAbsolutePath(v), '请填写完整路径（如 D:\\绿岗备份 或 /home/booth/backups），留空则用数据目录下的 backups')
    .default(''),
  /** Daily backup time in the post's time zone. */
  backupTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm（24 小时制），如 03:00').default('03:00'),
  /** Backups older than this many days are deleted (the newest is always kept). */
  backupKeepDays: z.number().int().min(1, '至少保留 1 天').max(365, '最多保留 365 天').default(30),
  /** Address the core listens on; 0.0.0.0 lets LAN tablets reach it. Read at start only. */
  bindAddress: z
    .string()
    .trim()
    .refine(isBindAddress, '请填写 IP 地址，如 127.0.0.1（仅本机）或 0.0.0.0（局域网平板可访问）')
    .default('127.0.0.1'),
  /** A station server this booth's screens use instead of the embedded core; empty = embedded. */
  stationServerUrl: z
    .string()
    .trim()
    .max(200, '地址最多 200 个字符')
    .refine((v) => v === '' || isHttpUrl(v), '请填写 http:// 或 https:// 开头的地址，如 http://192.168.1.10:5170，留空则用本机')
    .default(''),
});

export type Settings = z.infer<typeof settingsSchema>;
export const defaultSettings: Settings = settingsSchema.parse({});
