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
  /** Whether report exports (CSV, Excel, PDF) may carry people's names; off, they carry badges only. */
  exportPersonNames: z.boolean().default(false),
});

export type Settings = z.infer<typeof settingsSchema>;
export const defaultSettings: Settings = settingsSchema.parse({});
