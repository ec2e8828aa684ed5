import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { ComponentGap, ForecastView, Improvement, PeerScore, RankPlan } from '../../../../src/common/schemas/indicator-results.js';
import { api } from '../../api.js';
import { useLoad } from '../../components/useLoad.js';
import { useI18n } from '../../i18n.js';
import { Chart } from './charts.js';
import { indicatorLabels } from './labels.js';

const PERIODS = ['2024'];
const METHOD = 'regional-demo';
const fix = (n: number, d = 2) => Number(n.toFixed(d));

function planTitle(p: RankPlan, zh: boolean): string {
  const target = zh ? `第 ${p.rank} 名` : `Rank ${p.rank}`;
  if (p.alreadyThere) return zh ? `${target}：已达到` : `${target}: already there`;
  if (!p.reachable) return zh ? `${target}：即使全部成分达到前沿也无法达到` : `${target}: out of reach even at the frontier`;
  const algo = p.algorithm === 'exact' ? (zh ? '精确枚举' : 'exact') : zh ? `贪心，努力下界 ${fix(p.effortLowerBound ?? 0, 3)}` : `greedy, effort lower bound ${fix(p.effortLowerBound ?? 0, 3)}`;
  return zh
    ? `${target}：需超过${p.overtake?.name}（${fix(p.overtake?.score ?? 0)}），总分提高 ${fix(p.neededGain, 3)}；${p.improvements.length} 项改进（${algo}）`
    : `${target}: overtake ${p.overtake?.name} (${fix(p.overtake?.score ?? 0)}), +${fix(p.neededGain, 3)} overall; ${p.improvements.length} improvement(s) (${algo})`;
}

/** "保二争一": the 12 leagues/cities' scores and ranks, the gap analysis and the plans for 2nd and 1st. */
export default function ForecastPage() {
  const { pick, lang } = useI18n();
  const zh = lang !== 'en';
  const [period, setPeriod] = useState(PERIODS[0]);
  const { data } = useLoad(useCallback(() => api.get<ForecastView>('/indicators/forecast', { method: METHOD, period }), [period]));
  const componentName = (g: { topic: string; component: string }) => {
    const c = data?.method.topics.find((t) => t.id === g.topic)?.components.find((x) => x.id === g.component);
    return c ? pick(c.name) : g.component;
  };
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{pick(indicatorLabels.forecast)}</Typography.Title>}
      extra={
        <Space>
          <Select
            aria-label={pick(indicatorLabels.period)}
            value={period}
            onChange={setPeriod}
            options={PERIODS.map((p) => ({ value: p, label: p }))}
          />
          <Button href={`/api/v1/indicators/forecast/export?method=${METHOD}&period=${period}`}>{pick(indicatorLabels.export)}</Button>
        </Space>
      }
    >
      {data?.synthetic && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={pick(indicatorLabels.syntheticWarning)} />}
      {data && (
        <>
          <Chart
            label={pick(indicatorLabels.forecast)}
            height={300}
            option={{
              tooltip: { trigger: 'axis' },
              grid: { left: 40, right: 16, bottom: 60 },
              xAxis: { type: 'category', data: data.peers.map((p) => p.name), axisLabel: { rotate: 30 } },
              yAxis: { type: 'value', name: pick(indicatorLabels.overall), min: 0, max: 100 },
              series: [
                {
                  type: 'bar',
                  name: pick(indicatorLabels.overall),
                  data: data.peers.map((p) => ({ value: fix(p.score), itemStyle: { color: p.code === data.focus.code ? '#cf1322' : '#8c8c8c' } })),
                  markLine: { symbol: 'none', data: data.plans.filter((p) => p.reachable && !p.alreadyThere).map((p) => ({ yAxis: fix(p.targetScore), name: `#${p.rank}` })) },
                },
              ],
            }}
          />
          <section aria-label={pick(indicatorLabels.forecast)}>
            <Table<PeerScore>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={data.peers}
              rowClassName={(p) => (p.code === data.focus.code ? 'ant-table-row-selected' : '')}
              columns={[
                { title: pick(indicatorLabels.rank), dataIndex: 'rank', width: 70 },
                {
                  title: pick(indicatorLabels.peer),
                  render: (_, p) => <>{p.name} {p.synthetic && <Tag color="orange">{pick(indicatorLabels.synthetic)}</Tag>}</>,
                },
                { title: pick(indicatorLabels.overall), render: (_, p) => fix(p.score) },
                ...data.method.topics.map((t) => ({ title: pick(t.name), render: (_: unknown, p: PeerScore) => fix(p.topics[t.id]) })),
              ]}
            />
          </section>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {pick(indicatorLabels.gaps)}
          </Typography.Title>
          <Chart
            label={pick(indicatorLabels.gaps)}
            height={80 + 32 * data.gaps.length}
            option={{
              tooltip: { trigger: 'axis' },
              legend: {},
              grid: { left: 160, right: 16 },
              yAxis: { type: 'category', inverse: true, data: data.gaps.map(componentName), axisLabel: { interval: 0 } },
              xAxis: { type: 'value' },
              series: [
                { type: 'bar', name: pick(indicatorLabels.perTenth), data: data.gaps.map((g) => fix(g.gainPerTenthOfRange, 3)) },
                { type: 'bar', name: pick(indicatorLabels.maxGain), data: data.gaps.map((g) => fix(g.maxGain, 3)) },
              ],
            }}
          />
          <section aria-label={pick(indicatorLabels.gaps)}>
            <Table<ComponentGap>
              rowKey={(g) => `${g.topic}.${g.component}`}
              size="small"
              pagination={false}
              dataSource={data.gaps}
              columns={[
                { title: pick(indicatorLabels.kpi), render: (_, g) => componentName(g) },
                { title: pick(indicatorLabels.value), render: (_, g) => `${g.value} ${g.unit}` },
                { title: pick(indicatorLabels.score), render: (_, g) => fix(g.score) },
                { title: pick(indicatorLabels.perUnit), render: (_, g) => fix(g.gainPerUnit, 4) },
                { title: pick(indicatorLabels.perTenth), render: (_, g) => fix(g.gainPerTenthOfRange, 4) },
                { title: pick(indicatorLabels.maxGain), render: (_, g) => fix(g.maxGain, 4) },
              ]}
            />
          </section>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {pick(indicatorLabels.plans)}
          </Typography.Title>
          {data.plans.map((p) => (
            <Table<Improvement>
              key={p.rank}
              title={() => planTitle(p, zh)}
              rowKey={(i) => `${i.topic}.${i.component}`}
              size="small"
              pagination={false}
              style={{ marginBottom: 12 }}
              dataSource={p.improvements}
              columns={[
                { title: pick(indicatorLabels.kpi), render: (_, i) => componentName(i) },
                { title: zh ? '当前值' : 'Now', render: (_, i) => fix(i.from, 3) },
                { title: zh ? '目标值' : 'Needed', render: (_, i) => fix(i.to, 3) },
                { title: zh ? '成分得分' : 'Component score', render: (_, i) => `${fix(i.scoreFrom)} → ${fix(i.scoreTo)}` },
                { title: zh ? '总分提高' : 'Overall gain', render: (_, i) => fix(i.overallGain, 3) },
              ]}
            />
          ))}
        </>
      )}
    </Card>
  );
}
