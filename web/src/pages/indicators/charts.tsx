import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsOption } from 'echarts';
import { useId } from 'react';

// Only the chart kinds these pages use, to keep the bundle small (echarts/core, not all of echarts).
echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/** A chart as an image with a label; `summary` states its figures in words for screen readers (a canvas has none). */
export function Chart({
  option,
  height = 320,
  label,
  summary,
}: {
  option: EChartsOption;
  height?: number;
  label: string;
  summary?: string;
}) {
  const id = useId();
  return (
    <div role="img" aria-label={label} aria-describedby={summary ? id : undefined}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge />
      {summary && (
        <span id={id} style={VISUALLY_HIDDEN}>
          {summary}
        </span>
      )}
    </div>
  );
}
