/**
 * The helmet-stop vocabulary, shared by the booth form, the kiosk, the core and the DB's CHECK
 * constraints. Codes are stored; labels are shown (zh first, en second).
 */
export const helmetVehicles = {
  ebike: { zh: '电动自行车', en: 'E-bike' },
  motorcycle: { zh: '摩托车', en: 'Motorcycle' },
} as const;
export type HelmetVehicle = keyof typeof helmetVehicles;

/**
 * What became of a stop. `fined` with no ticket number yet means the rider chose the fine and the
 * officer still owes the 处罚决定书编号; `abandoned` is closed but the officer may still fine or re-offer.
 */
export const stopOutcomes = ['open', 'offered', 'fined', 'education', 'completed', 'abandoned', 'cancelled'] as const;
export type StopOutcome = (typeof stopOutcomes)[number];

/** Where an education session is. The first four are live on a kiosk; the rest are final. */
export const sessionPhases = ['choice', 'video', 'quiz', 'pledge', 'done', 'fine', 'failed', 'abandoned', 'stopped'] as const;
export type SessionPhase = (typeof sessionPhases)[number];
export const livePhases = ['choice', 'video', 'quiz', 'pledge'] as const satisfies readonly SessionPhase[];
export type LivePhase = (typeof livePhases)[number];
export const isLivePhase = (p: SessionPhase): p is LivePhase => (livePhases as readonly string[]).includes(p);

/** Why a session ended without completing. */
export const sessionEndReasons = ['idle', 'paused', 'officer', 'quizFailed'] as const;
export type SessionEndReason = (typeof sessionEndReasons)[number];

export const PLEDGE_TEXT = '我承诺今后骑行时佩戴安全头盔';

/** Seconds the kiosk shows 请与民警联系 after the fine is chosen, and the done screen, before the attract loop. */
export const KIOSK_FINE_SCREEN_SECONDS = 8;
export const KIOSK_DONE_SCREEN_SECONDS = 15;
/** Seconds a rider has to tap 继续 on an attention prompt. */
export const ATTENTION_TIMEOUT_SECONDS = 15;
/** Attempts at the quiz: the first and one retry. */
export const QUIZ_MAX_ATTEMPTS = 2;
/**
 * A pledge signature travels as a PNG data URL inside one socket message (capped at 64 KB), so the
 * kiosk draws on a small canvas and the core refuses anything larger than this.
 */
export const MAX_SIGNATURE_CHARS = 48 * 1024;

// --- Resident identity card number (GB 11643-1999) -------------------------------------------------

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A full 18-character ID number anywhere in a string: what must never reach a DOM, a log or a push. */
export const FULL_ID_PATTERN = /\d{17}[\dXx]/;

/** The GB 11643 check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export type IdProblem = 'length' | 'format' | 'birthDate' | 'checksum';

/** Why an ID number is not a valid 18-character resident ID, or undefined when it is. */
export function idNumberProblem(raw: string): IdProblem | undefined {
  const id = normalizeIdNumber(raw);
  if (id.length !== 18) return 'length';
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2100 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return 'birthDate';
  if (idCheckChar(id) !== id[17]) return 'checksum';
  return undefined;
}

export const idProblemMessages: Record<IdProblem, string> = {
  length: '身份证号应为 18 位',
  format: '身份证号格式不正确（前 17 位为数字，末位为数字或 X）',
  birthDate: '身份证号中的出生日期无效',
  checksum: '身份证号校验位不正确，请核对',
};

export const normalizeIdNumber = (raw: string) => raw.replace(/\s+/g, '').toUpperCase();
export const idLast4 = (id: string) => normalizeIdNumber(id).slice(-4);
export const maskIdLast4 = (last4: string) => `****${last4}`;

// --- Phone and plate ---------------------------------------------------------------------------------

export const normalizePhone = (raw: string) => raw.replace(/[\s-]+/g, '');
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
/** 13812341234 → 138****1234 */
export const maskPhone = (phone: string) => {
  const p = normalizePhone(phone);
  return `${p.slice(0, 3)}****${p.slice(-4)}`;
};

/**
 * Plates are compared without spaces, dots or dashes, upper-cased: 鲁P·A1234 and 鲁pa1234 are the same
 * plate. Motorcycle plates look like car plates; e-bike plates vary by city (鲁P·B12345, 聊城012345),
 * so anything of 2–12 Chinese characters, letters and digits is accepted.
 */
export const normalizePlate = (raw: string) => raw.replace(/[\s·.\-•]+/g, '').toUpperCase();
export const PLATE_PATTERN = /^[\u4e00-\u9fa5A-Z0-9]{2,12}$/;
