import { z } from 'zod';
import { zh } from '../i18n/zh';
import { settingsSchema, type Settings } from './settings';

/**
 * Everything the admin screen and the core need to treat the settings generically: a key added to
 * `settingsSchema` by any feature gets a form field, Chinese validation messages and a place in the
 * `settings:update` request without more code here.
 */
export type SettingKey = keyof Settings & string;
export const settingKeys = Object.keys(settingsSchema.shape) as SettingKey[];
const shape = settingsSchema.shape as Record<string, z.ZodType>;

/** Settings read only when the core starts; the screen says so next to them. */
export const restartSettings: ReadonlySet<string> = new Set<SettingKey>(['bindAddress', 'stationServerUrl']);

export const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** Rules a zod schema alone cannot state (they need Intl), for keys defined before this module. */
const extraChecks: Partial<Record<string, (value: never) => string | undefined>> = {
  timeZone: (v: string) => (isTimeZone(v) ? undefined : '不是有效的时区名称，如 Asia/Shanghai、UTC'),
};

/** Chinese label of a setting: the admin catalogue, else the schema's description, else the key. */
export const settingLabel = (key: string): string =>
  (zh.admin.settings.fields as Record<string, string>)[key] ?? shape[key]?.description ?? key;

/** zod's built-in messages in words an officer reads, for schemas that did not give their own. */
const zhIssue = (iss: z.core.$ZodRawIssue): string | undefined => {
  const text = iss.origin === 'string';
  switch (iss.code) {
    case 'too_small':
      return text ? (Number(iss.minimum) <= 1 ? '不能为空' : `至少 ${iss.minimum} 个字`) : `不能小于 ${iss.minimum}`;
    case 'too_big':
      return text ? `最多 ${iss.maximum} 个字` : `不能大于 ${iss.maximum}`;
    case 'invalid_type':
      return iss.expected === 'int' ? '应为整数' : iss.expected === 'number' ? '应为数字' : iss.expected === 'boolean' ? '应为是或否' : '应为文字';
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
      return '不是可选的值';
    default:
      return undefined;
  }
};

export type SettingVerdict<K extends SettingKey = SettingKey> = { ok: true; value: Settings[K] } | { ok: false; message: string };

/** Validates one setting's value the way the core will: `岗位名称：不能为空`. */
export function checkSetting<K extends SettingKey>(key: K, value: unknown): SettingVerdict<K> {
  const field = shape[key];
  if (!field) return { ok: false, message: `未知设置项：${key}` };
  const parsed = field.safeParse(value, { error: zhIssue });
  if (!parsed.success) return { ok: false, message: `${settingLabel(key)}：${parsed.error.issues[0]?.message ?? '无效'}` };
  const extra = extraChecks[key]?.(parsed.data as never);
  return extra ? { ok: false, message: `${settingLabel(key)}：${extra}` } : { ok: true, value: parsed.data as Settings[K] };
}

/** The `settings:update` request: any subset of the keys, each checked by `checkSetting`. */
export const settingsPatchSchema = z.strictObject(
  Object.fromEntries(
    settingKeys.map((key) => [
      key,
      z
        .unknown()
        .transform((value, ctx) => {
          const verdict = checkSetting(key, value);
          if (verdict.ok) return verdict.value;
          ctx.addIssue({ code: 'custom', message: verdict.message });
          return z.NEVER;
        })
        .optional(),
    ]),
  ),
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `未知设置项：${iss.keys.join('、')}` : undefined) },
) as unknown as z.ZodType<Partial<Settings>, Partial<Settings>>;

export type SettingKind = 'text' | 'longText' | 'integer' | 'number' | 'boolean' | 'choice';

export interface SettingFieldSpec {
  key: SettingKey;
  kind: SettingKind;
  min?: number;
  max?: number;
  maxLength?: number;
  choices?: string[];
  restart: boolean;
}

interface JsonProperty {
  type?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  enum?: unknown[];
}

/** How to draw each setting, read from the schema itself (JSON Schema view) so new keys need no code. */
export function settingFieldSpecs(): SettingFieldSpec[] {
  const json = z.toJSONSchema(settingsSchema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonProperty>;
  };
  return settingKeys.map((key): SettingFieldSpec => {
    const p = json.properties?.[key] ?? {};
    const base = { key, restart: restartSettings.has(key), min: p.minimum, max: p.maximum, maxLength: p.maxLength };
    if (p.enum) return { ...base, kind: 'choice', choices: p.enum.map(String) };
    if (p.type === 'integer') return { ...base, kind: 'integer' };
    if (p.type === 'number') return { ...base, kind: 'number' };
    if (p.type === 'boolean') return { ...base, kind: 'boolean' };
    // Paths and addresses stay one line; anything allowed past 400 characters (a legal text) gets a text area.
    return { ...base, kind: (p.maxLength ?? 0) > 400 ? 'longText' : 'text' };
  });
}
