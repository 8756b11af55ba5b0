/**
 * Mainland licence plates (GA 36). The officer types fast on a motorcycle's handlebar, so the input is
 * forgiving (spaces, dots, lower case, full-width letters) and the stored form is canonical: '鲁P12345',
 * '鲁PD12345' (8-character new-energy), '鲁P1234学'. A car without plates is stored as '无牌' with a reason.
 */
export const NO_PLATE = '无牌';
export const DEFAULT_PLATE_PREFIX = '鲁P';

export const provinces = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const P = `[${provinces}]`;
/** Serial characters never use I or O (they read as 1 and 0). */
const S = '[A-HJ-NP-Z0-9]';
/** New-energy type letters: D/F first, A–K (no I) since 2021. */
const E = '[A-HJK]';

const patterns: ReadonlyArray<{ re: RegExp; kind: PlateKind }> = [
  { re: new RegExp(`^${P}[A-Z]${S}{5}$`), kind: 'regular' },
  { re: new RegExp(`^${P}[A-Z]${E}${S}[0-9]{4}$`), kind: 'newEnergy' },
  { re: new RegExp(`^${P}[A-Z][0-9]{5}${E}$`), kind: 'newEnergy' },
  { re: new RegExp(`^${P}[A-Z]${S}{4}[挂学警港澳领试超]$`), kind: 'special' },
  { re: new RegExp(`^WJ${P}?[0-9]{4}[0-9A-Z边消通森金警电]$`), kind: 'armedPolice' },
  { re: /^[0-9]{6}使$/, kind: 'embassy' },
];

export type PlateKind = 'regular' | 'newEnergy' | 'special' | 'armedPolice' | 'embassy' | 'none';
export type PlateCheck = { ok: true; plate: string; kind: PlateKind } | { ok: false; message: string };

/** Upper case, ASCII letters and digits, no separators. */
export function normalizePlate(input: string, defaultPrefix = DEFAULT_PLATE_PREFIX): string {
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s·•.\-_]/g, '');
  // Only the serial typed: the post's own prefix (鲁P) is implied, as on the form.
  if (/^[A-Z0-9]{5,6}$/.test(compact) || /^[A-Z0-9]{4}[挂学警港澳领试超]$/.test(compact))
    return defaultPrefix + compact;
  return compact;
}

/** Validates a plate as typed; returns the canonical form or a specific Chinese reason. */
export function checkPlate(input: string, defaultPrefix = DEFAULT_PLATE_PREFIX): PlateCheck {
  const raw = input.trim();
  if (!raw) return { ok: false, message: '请填写车牌号（无牌车请选择「无牌」并写明原因）' };
  if (raw === NO_PLATE) return { ok: true, plate: NO_PLATE, kind: 'none' };
  const plate = normalizePlate(raw, defaultPrefix);
  for (const { re, kind } of patterns) if (re.test(plate)) return { ok: true, plate, kind };
  const first = plate[0] ?? '';
  if (!provinces.includes(first) && !plate.startsWith('WJ') && !plate.endsWith('使'))
    return { ok: false, message: `车牌号「${raw}」应以省份简称开头，例如 鲁P12345` };
  if (/[IO]/.test(plate.slice(2)))
    return { ok: false, message: `车牌号「${raw}」含字母 I 或 O，车牌序号不使用这两个字母` };
  if (plate.length < 7) return { ok: false, message: `车牌号「${raw}」位数不足：普通车牌 7 位，新能源车牌 8 位` };
  if (plate.length > 8) return { ok: false, message: `车牌号「${raw}」位数过多：普通车牌 7 位，新能源车牌 8 位` };
  if (plate.length === 8)
    return { ok: false, message: `车牌号「${raw}」不是有效的新能源车牌（如 鲁PD12345 或 鲁P12345D）` };
  return { ok: false, message: `车牌号「${raw}」格式不正确，例如 鲁P12345、鲁PD12345` };
}
