import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerParts, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from './chart-spec';

// Only the parts the reports draw: the page is lazy-loaded, and this keeps its chunk small too.
// SVG rather than canvas: crisp on paper when the report is printed to PDF.
registerParts([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface EChartProps {
  option: ChartOption;
  height: number;
  /** Fixed width for the print layout; on screen the chart follows its container. */
  width?: number;
  label: string;
}

export function EChart({ option, height, width, label }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);

  useEffect(() => {
    const c = init(ref.current!, undefined, { renderer: 'svg', ...(width ? { width, height } : {}) });
    chart.current = c;
    const observer = width ? undefined : new ResizeObserver(() => c.resize());
    observer?.observe(ref.current!);
    return () => {
      observer?.disconnect();
      c.dispose();
      chart.current = undefined;
    };
  }, [width, height]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, width, height]);

  return <div ref={ref} role="img" aria-label={label} style={{ height, width: width ?? '100%' }} />;
}
