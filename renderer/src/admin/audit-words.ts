import type { TFunction } from 'i18next';
import type { AuditRecord } from '../../../shared/contract/admin';
import { exportKinds } from '../../../shared/contract/reports';
import { advisoryKinds, stepLabels } from '../../../shared/domain/escort-kinds';
import { formatDuration } from '../../../shared/domain/escort-timeline';
import { helmetVehicles } from '../../../shared/domain/helmet';
import { shiftLabels } from '../../../shared/domain/shift';
import { formatLocal } from '../../../shared/domain/time';
import { formatSize } from './format';

type Lang = 'zh' | 'en';
type Vocabulary = Record<string, { zh: string; en: string }>;

export interface AuditWording {
  t: TFunction;
  lang: Lang;
  timeZone: string;
}

/** The label of an action as the core writes it (`escort.step`), or the action itself when none is known. */
export function actionWords(action: string, t: TFunction): string {
  const labels = t('admin.audit.actions', { returnObjects: true }) as Record<string, string>;
  return labels[action] ?? action;
}

/** Who, in words: 王建国 · 900001 for `officer:900001`, the kiosk's name for `kiosk:3`, 系统 for the core itself. */
export function actorWords(r: Pick<AuditRecord, 'actor' | 'actorName'>, t: TFunction): string {
  const [kind, id = ''] = r.actor.split(':');
  switch (kind) {
    case 'officer':
      return r.actorName ? `${r.actorName} · ${id}` : t('admin.audit.actors.officer', { id });
    case 'kiosk':
      return r.actorName ?? t('admin.audit.actors.kiosk', { id });
    case 'er':
      return r.actorName ?? t('admin.audit.actors.er', { id });
    case 'system':
    case 'startup':
      return t('admin.audit.actors.system');
    case 'demo-seed':
      return t('admin.audit.actors.demo');
    default:
      return r.actor;
  }
}

// Values that are codes of a known vocabulary, by the detail key they appear under.
const vocabularies: Record<string, Vocabulary> = {
  step: stepLabels,
  from: stepLabels,
  status: stepLabels,
  kind: advisoryKinds,
  vehicle: helmetVehicles,
  exportKind: exportKinds,
  shift: shiftLabels,
};

// Epoch ms after 2000-01-01: a time, not a count.
const isInstant = (v: unknown): v is number => typeof v === 'number' && v > 946_684_800_000;

function valueWords(key: string, v: unknown, w: AuditWording): string {
  const { t, lang, timeZone } = w;
  if (v === null || v === undefined || v === '') return t('escorts.none');
  if (typeof v === 'boolean') return t(v ? 'admin.audit.yes' : 'admin.audit.no');
  if (isInstant(v)) return formatLocal(v, timeZone, true);
  if (typeof v === 'number') {
    if (key === 'fineYuan') return t('admin.audit.yuan', { yuan: v });
    if (key === 'watchedSeconds') return formatDuration(v * 1000, lang);
    if (key === 'size' || key === 'bytes') return formatSize(v);
    return String(v);
  }
  if (typeof v === 'string') {
    const vocabulary = vocabularies[key];
    if (vocabulary?.[v]) return vocabulary[v][lang];
    if (key === 'role' || ((key === 'from' || key === 'to') && ['officer', 'chief', 'admin'].includes(v)))
      return t(`roles.${v}`, { defaultValue: v });
    return v;
  }
  if (Array.isArray(v)) return v.length ? v.map((x) => valueWords(key, x, w)).join(', ') : t('escorts.none');
  return detailParts(v as Record<string, unknown>, w).join(t('punct.listSep'));
}

function fieldLabel(key: string, { t, lang }: AuditWording): string {
  const fields = t('admin.audit.fields', { returnObjects: true }) as Record<string, string>;
  const settings = t('admin.settings.fields', { returnObjects: true }) as Record<string, string>;
  const step = stepLabels[key as keyof typeof stepLabels];
  return fields[key] ?? settings[key] ?? (step ? step[lang] : key);
}

function detailParts(d: Record<string, unknown>, w: AuditWording): string[] {
  return Object.entries(d).map(([key, v]) => {
    // An edit's changes: field old → new.
    if (key === 'changes' && v && typeof v === 'object' && !Array.isArray(v)) {
      const changes = Object.entries(v as Record<string, unknown>).map(([field, change]) =>
        Array.isArray(change) && change.length === 2
          ? `${fieldLabel(field, w)} ${valueWords(field, change[0], w)} → ${valueWords(field, change[1], w)}`
          : `${fieldLabel(field, w)} ${valueWords(field, change, w)}`,
      );
      return w.t('punct.labelled', { label: fieldLabel(key, w), value: changes.join(w.t('punct.listSep')) });
    }
    return w.t('punct.labelled', { label: fieldLabel(key, w), value: valueWords(key, v, w) });
  });
}

/** An entry's details as key/value words (原因：… · 步骤：交接), never raw JSON. */
export const detailWords = (details: Record<string, unknown>, w: AuditWording): string =>
  detailParts(details, w).join(' · ');
