import { z } from 'zod';

/**
 * Post-wide settings. Each feature adds its keys here with a default, so a fresh install works and
 * the admin screen can list and validate every one of them with this one schema.
 */
export const settingsSchema = z.object({
  postName: z.string().trim().min(1).max(40).default('聊城交警 市医院岗'),
  timeZone: z.string().min(1).max(64).default('Asia/Shanghai'),
  /** Minutes without 到达 after which an open escort is highlighted on the board. */
  overdueEscortMinutes: z.number().int().min(1).max(240).default(20),
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
});

export type Settings = z.infer<typeof settingsSchema>;
export const defaultSettings: Settings = settingsSchema.parse({});
