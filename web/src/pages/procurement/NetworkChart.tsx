import { GraphChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsOption } from 'echarts';
import type { ApiResponse } from '../../api/client.js';

echarts.use([GraphChart, TooltipComponent, CanvasRenderer]);

type Network = ApiResponse<'/api/v1/procurement/groups/{id}/network'>;

/** Green → amber → red by the bidder's riskiest tender. */
function riskColour(risk: number): string {
  if (risk >= 0.5) return '#cf1322';
  if (risk >= 0.3) return '#fa8c16';
  return '#52c41a';
}

/** Who bids with whom: a force layout, members larger, signalled pairs in red. */
export function NetworkChart({ network, onBidder, height = 420 }: { network: Network; onBidder: (id: string) => void; height?: number }) {
  const maxCo = Math.max(1, ...network.edges.map((e) => e.coBids));
  const option: EChartsOption = {
    tooltip: { formatter: (p) => String((p as { data: { tip?: string } }).data.tip ?? '') },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: { repulsion: 260, edgeLength: [60, 160] },
        label: { show: true, position: 'right', fontSize: 11 },
        data: network.nodes.map((n) => ({
          id: n.id,
          name: n.name,
          symbolSize: n.member ? 30 : 16,
          itemStyle: { color: riskColour(n.risk), borderColor: n.member ? '#262626' : '#fff', borderWidth: n.member ? 2 : 1 },
          tip: `${n.name}<br/>${n.tenders} · ${n.wins} · ${Math.round(n.risk * 100)}%`,
        })),
        links: network.edges.map((e) => ({
          source: e.source,
          target: e.target,
          lineStyle: { width: 1 + (4 * e.coBids) / maxCo, color: e.flags.length ? '#cf1322' : '#bfbfbf', opacity: 0.8 },
          tip: `${e.coBids}`,
        })),
      },
    ],
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      style={{ height }}
      notMerge
      onEvents={{ click: (p: { dataType?: string; data?: { id?: string } }) => p.dataType === 'node' && p.data?.id && onBidder(p.data.id) }}
    />
  );
}
