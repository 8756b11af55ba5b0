import { z } from 'zod';

/** Administrative Penalty Law (2021) art. 33, paragraphs 1 and 3: the footing of education instead of a fine. */
const DEFAULT_LEGAL_TEXT =
  '依据《中华人民共和国行政处罚法》第三十三条：初次违法且危害后果轻微并及时改正的，可以不予行政处罚；对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育。';
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
  /**
   * Overdue deadlines, in minutes after 接报, per step: an escort that has not reached a step by its
   * deadline is highlighted, beeps at the booth and shows on the ER screen. `overdueEscortMinutes` is
   * 到达's (the setting predates the others and keeps its name so saved values still apply).
   */
  overdueMetMinutes: z.number().int().min(1).max(240).default(10),
  overdueDepartedMinutes: z.number().int().min(1).max(240).default(15),
  overdueEscortMinutes: z.number().int().min(1).max(240).default(20),
  overdueHandedOverMinutes: z.number().int().min(1).max(480).default(45),
  /** The booth beeps again this often while an escort stays overdue; 0 beeps once. */
  overdueAlarmRepeatMinutes: z.number().int().min(0).max(120).default(5),
  /** Province + authority prefix a plate field starts with (and implied when only the serial is typed). */
  defaultPlatePrefix: z
    .string()
    .regex(/^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z]$/, '车牌前缀应为省份简称加一个字母，如 鲁P')
    .default('鲁P'),
  /** Local hours at which the day (白班) and night (夜班) shifts begin; 劝导 counts are per shift. */
  dayShiftStartHour: z.number().int().min(0).max(23).default(8),
  nightShiftStartHour: z.number().int().min(0).max(23).default(20),
  /** Whether report exports (CSV, Excel, PDF) may carry people's names; off, they carry badges only. */
  exportPersonNames: z.boolean().default(false),
  /** Helmet stops: fines in yuan for a first offence and a repeat within the window. */
  helmetFineFirstYuan: z.number().int().min(0).max(10_000).default(20),
  helmetFineRepeatYuan: z.number().int().min(0).max(10_000).default(50),
  /** Months back an earlier stop makes a rider a repeat (no education instead of the fine). */
  helmetWindowMonths: z.number().int().min(1).max(60).default(12),
  /** The legal footing shown on the kiosk's choice screen. */
  helmetLegalText: z.string().trim().min(1).max(600).default(DEFAULT_LEGAL_TEXT),
  /** Which video a first-time rider and a repeat rider (admitted by an officer's override) watch. */
  helmetVideoFirst: z.string().trim().min(1).max(64).default('helmet-saves-lives'),
  helmetVideoRepeat: z.string().trim().min(1).max(64).default('rules-and-crash'),
  /**
   * When set, every rider gets this video instead: automated tests assign `test-short` here, so no
   * production rule (length, counting, completion) is ever shortened for them. Empty in production.
   */
  helmetVideoOverride: z.string().trim().max(64).default(''),
  /** Quiz questions drawn for a first offence and for an overridden repeat; the pass mark in percent. */
  helmetQuizQuestionsFirst: z.number().int().min(1).max(20).default(5),
  helmetQuizQuestionsRepeat: z.number().int().min(1).max(20).default(8),
  helmetQuizPassPercent: z.number().int().min(1).max(100).default(80),
  /** About how often (seconds of video) an attention prompt appears, at a random moment. */
  helmetAttentionEverySeconds: z.number().int().min(10).max(600).default(60),
  /** Kiosk walk-away: no touch this long on the choice, quiz or pledge screen; paused this long on the video. */
  kioskIdleSeconds: z.number().int().min(2).max(600).default(60),
  kioskPauseLimitSeconds: z.number().int().min(2).max(1800).default(120),
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
