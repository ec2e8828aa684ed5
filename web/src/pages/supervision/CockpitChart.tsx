import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** An ECharts chart that reacts to clicks (drill-down); `label` names it for screen readers. */
export function Chart({
  option,
  height,
  label,
  onEvents,
}: {
  option: EChartsOption;
  height: number;
  label: string;
  onEvents?: Record<string, (p: { dataIndex: number }) => void>;
}) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge onEvents={onEvents} />
    </div>
  );
}
