import Database from 'better-sqlite3';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { monthReport } from '../../electron/core/reports/month-report';
import { chartOption, specGrid } from '../../renderer/src/reports/chart-spec';
import { reportSpecs } from '../../renderer/src/reports/report-sections';
import { zh } from '../../shared/i18n/zh';
import { localToUtc } from '../../shared/domain/time';
import { insertAdvisory, insertEscort, insertHelmetStop, insertOfficers } from '../helpers/report-fixtures';

const SH = 'Asia/Shanghai';
const db = new Database(':memory:');
migrate(db);
const [zhang] = insertOfficers(db, ['张伟']) as [number];
insertEscort(db, {
  requestedAt: localToUtc(SH, 2026, 5, 3, 7, 10),
  met: 3,
  arrived: 8,
  handedOver: 10,
  officers: [zhang],
});
insertEscort(db, {
  requestedAt: localToUtc(SH, 2026, 5, 3, 7, 40),
  met: 5,
  cancelled: 6,
  source: 'flagged',
  officers: [zhang],
});
insertAdvisory(db, 'stopAndGo', localToUtc(SH, 2026, 5, 4, 9, 0), zhang);
insertHelmetStop(db, {
  stoppedAt: localToUtc(SH, 2026, 5, 6, 10, 0),
  outcome: 'completed',
  session: { phase: 'done', chosen: true, watchedSeconds: 300, quiz: [true] },
});
insertHelmetStop(db, { stoppedAt: localToUtc(SH, 2026, 5, 7, 10, 0), vehicle: 'motorcycle', outcome: 'fined' });
const report = monthReport(db, 2026, 5, 0);

beforeAll(async () => {
  await i18next.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: zh } },
    interpolation: { escapeValue: false },
  });
});

/** The table under each chart is drawn from the same numbers as the chart: checked against the report. */
describe('chart specs and their tables', () => {
  it('show the report’s own figures', () => {
    const specs = reportSpecs(report, i18next.t, 'zh', true);
    const compare = specGrid(specs.compare);
    expect(compare.headers).toEqual(['类别', '本月 2026-05', '上月 2026-04', '去年同月 2025-05']);
    expect(compare.rows.map((r) => r.cells.slice(0, 2))).toEqual([
      ['接报', 2],
      ['护送', 1],
      ['已交接', 1],
      ['已取消', 1],
      ['劝导', 1],
      ['头盔拦停', 2],
      ['完成教育', 1],
    ]);
    const source = Object.fromEntries(specGrid(specs.source).rows.map((r) => [r.cells[0], r.cells[1]]));
    expect(source).toMatchObject({ '120 急救中心': 1, 拦车求助: 1 });
    expect(source).not.toHaveProperty('未填写');
    const intervals = specGrid(specs.intervals);
    expect(intervals.headers).toEqual(['类别', '中位数', 'P90', '平均', '最长']);
    expect(intervals.rows[0]!.cells).toEqual(['接报→会合（n=2）', 4, 5, 4, 5]);
    const hour = specGrid(specs.hour, true);
    expect(hour.headers).toHaveLength(25);
    expect(hour.rows[0]!.cells[1 + 7]).toBe(2);
    const officer = specGrid(specs.officer);
    expect(officer.rows[0]!.cells).toEqual(['张伟 910001', 1, 1, 1, 10]);
    expect(specGrid(reportSpecs(report, i18next.t, 'zh', false).officer).rows[0]!.cells[0]).toBe('910001');
  });

  it('show every helmet figure, with vehicle kinds in Chinese', () => {
    const specs = reportSpecs(report, i18next.t, 'zh', true);
    const figures = specGrid(specs.helmetFigures);
    expect(figures.headers).toEqual(['类别', '本月 2026-05', '上月 2026-04', '去年同月 2025-05']);
    expect(figures.rows.map((r) => r.cells.slice(0, 3))).toEqual([
      ['头盔拦停', 2, 0],
      ['电动自行车', 1, 0],
      ['摩托车', 1, 0],
      ['符合教育条件', 2, 0],
      ['提供教育', 1, 0],
      ['选择教育', 1, 0],
      ['完成教育', 1, 0],
      ['中途放弃', 0, 0],
      ['罚款（次）', 1, 0],
      ['罚款（元）', 20, 0],
      ['再次被拦骑行人', 0, 0],
      ['平均观看（分钟）', 5, null],
      ['测验首次通过率（%）', 100, null],
    ]);
    const [funnel, vehicle] = specs.helmet;
    expect(specGrid(funnel!).rows.map((r) => r.cells)).toContainEqual(['罚款（次）', 1]);
    expect(specGrid(vehicle!).rows.map((r) => r.cells)).toEqual([
      ['电动自行车', 1],
      ['摩托车', 1],
    ]);
    const year = specGrid(specs.year);
    expect(year.headers).toContain('头盔拦停');
    expect(year.rows[4]!.cells[year.headers.indexOf('头盔拦停')]).toBe(2);
  });

  it('builds ECharts options with the same series', () => {
    const specs = reportSpecs(report, i18next.t, 'zh', true);
    const option = chartOption(specs.hour, false) as { series: { data: number[] }[]; animation: boolean };
    expect(option.animation).toBe(false);
    expect(option.series[0]!.data).toEqual(report.month.escorts.byHour);
    const pie = chartOption(specs.outcome) as { series: { data: { name: string; value: number }[] }[] };
    expect(pie.series[0]!.data).toEqual([
      { name: '已交接', value: 1 },
      { name: '已取消', value: 1 },
    ]);
  });
});
