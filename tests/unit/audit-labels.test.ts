import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionWords, actorWords, detailWords } from '../../renderer/src/admin/audit-words';
import { en } from '../../shared/i18n/en';
import { zh } from '../../shared/i18n/zh';
import { auditActionsWritten } from '../helpers/audit-actions-written';

const written = auditActionsWritten();
const SH = 'Asia/Shanghai';
const at = Date.UTC(2026, 10, 25, 8, 18, 5); // 2026-11-25 16:18:05 in Shanghai

const tr = i18next.createInstance();
beforeAll(async () => {
  await tr.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
});
const inLang = (lng: 'zh-CN' | 'en') => tr.getFixedT(lng);

describe('audit action labels', () => {
  it('reads the actions the core writes from its source', () => {
    expect(written).toEqual(
      expect.arrayContaining(['escort.step', 'escort.create.backdated', 'helmet.session.stopped']),
    );
    expect(written.length).toBeGreaterThan(40);
  });

  it.each([
    ['zh', zh.admin.audit.actions],
    ['en', en.admin.audit.actions],
  ])('gives every written action a %s label', (_lang, labels) => {
    expect(written.filter((a) => !(labels as Record<string, string>)[a])).toEqual([]);
  });

  it('names actions in words in both languages', () => {
    expect(actionWords('reports.export', inLang('zh-CN'))).toBe('导出报表');
    expect(actionWords('escort.step', inLang('en'))).toBe('Escort step');
    expect(actionWords('escort.create.backdated', inLang('en'))).toBe('Escort logged after the fact');
  });
});

describe('audit actors and details in words', () => {
  it('shows an officer by name and badge, a kiosk by name, the core as 系统 / System', () => {
    const zhT = inLang('zh-CN');
    expect(actorWords({ actor: 'officer:900001', actorName: '王建国' }, zhT)).toBe('王建国 · 900001');
    expect(actorWords({ actor: 'kiosk:3', actorName: '一号教育屏' }, zhT)).toBe('一号教育屏');
    expect(actorWords({ actor: 'system' }, zhT)).toBe('系统');
    expect(actorWords({ actor: 'system:daily' }, inLang('en'))).toBe('System');
  });

  it('writes a step, a fine and an edit as key/value words, with no JSON', () => {
    const zhW = { t: inLang('zh-CN'), lang: 'zh' as const, timeZone: SH };
    const enW = { t: inLang('en'), lang: 'en' as const, timeZone: SH };
    expect(detailWords({ step: 'handedOver', at }, zhW)).toBe('步骤：交接 · 时间：2026-11-25 16:18:05');
    expect(detailWords({ step: 'handedOver', at }, enW)).toBe('Step: Handed over · Time: 2026-11-25 16:18:05');
    expect(detailWords({ ticketNo: '371520250000001', fineYuan: 20 }, enW)).toBe(
      'Ticket no.: 371520250000001 · Fine: ¥20',
    );
    expect(detailWords({ ticketNo: '371520250000001', fineYuan: 20 }, zhW)).toBe(
      '决定书编号：371520250000001 · 罚款：20 元',
    );
    expect(detailWords({ reason: '补录', changes: { plate: ['鲁P1', '鲁P2'] } }, enW)).toBe(
      'Reason: 补录 · Changes: Plate 鲁P1 → 鲁P2',
    );
    expect(detailWords({ format: 'pdf', via: 'browser', withNames: false }, enW)).toBe(
      'Format: pdf · Via: browser · With names: no',
    );
    expect(detailWords({ exportKind: 'escortList', format: 'csv', rows: 3, preAlertsAcked: 2 }, zhW)).toBe(
      '导出内容：护送明细（到院时间） · 格式：csv · 护送行数：3 · 预警已知悉：2',
    );
    expect(detailWords({ exportKind: 'month', format: 'xlsx' }, enW)).toBe('Export: Monthly report · Format: xlsx');
  });
});
