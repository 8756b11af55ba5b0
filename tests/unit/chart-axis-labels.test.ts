import { describe, expect, it } from 'vitest';
import { chartOption, wrapLabel, type ChartSpec } from '../../renderer/src/reports/chart-spec';

const spec = (categories: string[]): ChartSpec => ({
  key: 'compare',
  title: 'Month comparison',
  kind: 'bar',
  categoryTitle: 'Category',
  categories,
  series: [{ name: 'Count', values: categories.map((_, i) => i) }],
});
const axisLabelOf = (s: ChartSpec) =>
  (chartOption(s) as { xAxis: { axisLabel: Record<string, unknown> } }).xAxis.axisLabel;

describe('category axis labels', () => {
  it('shows every one of a few named categories, wrapping long English names instead of hiding them', () => {
    const label = axisLabelOf(
      spec(['Requests', 'Escorts', 'Handed over', 'Cancelled', 'Advice', 'Helmet stops', 'Educations completed']),
    );
    expect(label.interval).toBe(0);
    expect(label.hideOverlap).toBeFalsy();
    expect((label.formatter as (v: string) => string)('Educations completed')).toBe('Educations\ncompleted');
  });

  it('keeps Chinese labels whole and lets a dense numeric axis hide overlaps', () => {
    expect(wrapLabel('护送（不含取消）')).toBe('护送（不含取消）');
    expect(wrapLabel('Handed over')).toBe('Handed over');
    expect(axisLabelOf(spec(Array.from({ length: 31 }, (_, i) => String(i + 1)))).hideOverlap).toBe(true);
  });
});
