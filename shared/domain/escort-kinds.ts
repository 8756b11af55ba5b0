/**
 * The escort vocabulary, shared by the form, the board, the reports and the DB's CHECK constraints.
 * Codes are stored; labels are shown (zh first, en second).
 */
export const requestSources = {
  '120': { zh: '120 急救中心', en: '120 EMS centre' },
  '122': { zh: '122', en: '122 traffic hotline' },
  '110': { zh: '110', en: '110 police' },
  flagged: { zh: '拦车求助', en: 'Flagged down' },
  hospital: { zh: '医院请求', en: 'Hospital request' },
  other: { zh: '其他', en: 'Other' },
} as const;

/** Display order: object keys that look like numbers ('120') would otherwise sort first. */
export const requestSourceOrder = ['120', '122', '110', 'flagged', 'hospital', 'other'] as const;

export const vehicleKinds = {
  ambulance: { zh: '救护车', en: 'Ambulance' },
  private: { zh: '私家车', en: 'Private car' },
  taxi: { zh: '出租车', en: 'Taxi' },
  other: { zh: '其他', en: 'Other' },
} as const;

export const conditions = {
  cardiac: { zh: '胸痛/心脏', en: 'Chest pain / cardiac' },
  stroke: { zh: '卒中', en: 'Stroke' },
  trauma: { zh: '创伤', en: 'Trauma' },
  obstetric: { zh: '孕产', en: 'Obstetric' },
  paediatric: { zh: '儿童', en: 'Paediatric' },
  burn: { zh: '烧伤', en: 'Burns' },
  respiratory: { zh: '呼吸', en: 'Respiratory' },
  other: { zh: '其他', en: 'Other' },
} as const;

export const destinations = {
  emergency: { zh: '急诊', en: 'Emergency dept.' },
  chestPain: { zh: '胸痛中心', en: 'Chest pain centre' },
  stroke: { zh: '卒中中心', en: 'Stroke centre' },
  obstetrics: { zh: '产科', en: 'Obstetrics' },
  paediatrics: { zh: '儿科', en: 'Paediatrics' },
  other: { zh: '其他', en: 'Other' },
} as const;

/** Timeline order. `requested` (接报) is stamped at creation; cancel may happen at any open step. */
export const escortSteps = ['requested', 'met', 'departed', 'arrived', 'handedOver'] as const;
export const stepLabels = {
  requested: { zh: '接报', en: 'Requested' },
  met: { zh: '会合', en: 'Met' },
  departed: { zh: '出发', en: 'Departed' },
  arrived: { zh: '到达', en: 'Arrived' },
  handedOver: { zh: '交接', en: 'Handed over' },
  cancelled: { zh: '取消', en: 'Cancelled' },
} as const;

export const advisoryKinds = {
  stopAndGo: { zh: '即停即走劝导', en: 'Stop-and-go advice' },
  parking: { zh: '违停劝离', en: 'Illegal parking moved on' },
  other: { zh: '其他劝导', en: 'Other advice' },
} as const;

export type RequestSource = keyof typeof requestSources;
export type VehicleKind = keyof typeof vehicleKinds;
export type Condition = keyof typeof conditions;
export type Destination = keyof typeof destinations;
export type EscortStep = (typeof escortSteps)[number];
export type EscortStatus = EscortStep | 'cancelled';
export type AdvisoryKind = keyof typeof advisoryKinds;

export const keysOf = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
