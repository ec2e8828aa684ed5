import { Alert, Button, Card, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { measureUnit, withUnit } from '../../../../src/common/measure-units.js';
import type { ComponentGap, Improvement, PeerScore, RankPlan } from '../../../../src/common/schemas/indicator-results.js';
import { $api, apiUrl } from '../../api/client.js';
import { fill, fmtNumber, fmtScore } from '../../components/format.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { Chart } from './charts.js';
import { indicatorLabels } from './labels.js';

const PERIODS = ['2024'];
const METHOD = 'regional-demo';
/** Overall points gained by one step are small: two decimals keep them apart where one would show 0.0. */
const gain = (n: number) => fmtNumber(n, 2);
const fromTo = (i: Improvement) => `${fmtScore(i.scoreFrom)} → ${fmtScore(i.scoreTo)}`;
const FOCUS = '#1d4ed8';
const PEER = '#b0b8c4';
const TARGET = '#d46b08';

/** "保二争一": the headline, the 12 leagues/cities' scores and ranks, the gap analysis and the plans for 2nd and 1st. */
export default function ForecastPage() {
  const { pick, lang } = useI18n();
  const l = lang === 'en' ? 'en' : 'zh';
  const [period, setPeriod] = useState(PERIODS[0]);
  const { data } = $api.useQuery('get', '/api/v1/indicators/forecast', { params: { query: { method: METHOD, period } } });
  const component = (g: { topic: string; component: string }) =>
    data?.method.topics.find((t) => t.id === g.topic)?.components.find((x) => x.id === g.component);
  const componentName = (g: { topic: string; component: string }) => {
    const c = component(g);
    return c ? pick(c.name) : '';
  };
  const unitOf = (g: { topic: string; component: string }) => measureUnit(component(g)?.unit);
  const planTitle = (p: RankPlan) => {
    if (p.alreadyThere) return fill(pick(indicatorLabels.planAlready), { rank: p.rank });
    if (!p.reachable) return fill(pick(indicatorLabels.planOut), { rank: p.rank });
    const title = fill(pick(indicatorLabels.planNeed), {
      rank: p.rank,
      name: p.overtake?.name ?? '',
      score: fmtScore(p.overtake?.score ?? 0),
      gain: fmtScore(p.neededGain),
      n: p.improvements.length,
    });
    return p.algorithm === 'greedy' ? title + pick(indicatorLabels.planGreedy) : title;
  };
  const pos = data?.position;
  const headline =
    pos &&
    [
      fill(pick(indicatorLabels.headline), { rank: pos.rank }),
      ...[2, 1].filter((r) => r < pos.rank).map((r) => fill(pick(indicatorLabels.gapTo), { rank: r, gap: fmtScore(pos.gapTo[r] ?? 0) })),
      ...(pos.rank <= 2 ? [fill(pick(indicatorLabels.atRank), { rank: pos.rank })] : []),
    ].map((part, i, all) => (i < all.length - 1 ? part + (lang === 'en' ? '; ' : '，') : part));

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {pick(indicatorLabels.forecast)}
        </Typography.Title>
      }
      extra={
        <Space wrap>
          <Select
            aria-label={pick(indicatorLabels.period)}
            value={period}
            onChange={setPeriod}
            options={PERIODS.map((p) => ({ value: p, label: p }))}
          />
          <Button href={apiUrl('/api/v1/indicators/forecast/export', { query: { method: METHOD, period } })}>
            {pick(indicatorLabels.export)}
          </Button>
        </Space>
      }
    >
      {data && pos && (
        <section aria-label={pick(indicatorLabels.headlineRegion)}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {headline?.map((part, i) => (
              <span key={i} style={{ display: 'inline-block' }}>
                {part}
              </span>
            ))}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {fill(pick(indicatorLabels.headlineOf), { period: data.period, n: pos.peers, score: fmtScore(pos.score) })}
          </Typography.Paragraph>
        </section>
      )}
      {data?.synthetic && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={pick(indicatorLabels.syntheticWarning)} />}
      {data && (
        <>
          <Chart
            label={pick(indicatorLabels.forecast)}
            height={72 + 28 * data.peers.length}
            option={{
              tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
              grid: { left: 8, right: 40, top: 28, bottom: 28, containLabel: true },
              // Horizontal bars: every league/city's name stays readable, on a phone too.
              yAxis: { type: 'category', inverse: true, data: data.peers.map((p) => p.name), axisLabel: { interval: 0 } },
              xAxis: { type: 'value', name: pick(indicatorLabels.overall), nameLocation: 'middle', nameGap: 24, min: 0, max: 100 },
              series: [
                {
                  type: 'bar',
                  name: pick(indicatorLabels.overall),
                  barMaxWidth: 18,
                  // The focus city in blue, the others neutral: no colour says good or bad here.
                  data: data.peers.map((p) => ({
                    value: Math.round(p.score * 10) / 10,
                    itemStyle: { color: p.code === data.focus.code ? FOCUS : PEER },
                  })),
                  label: { show: true, position: 'right', formatter: (x: { value: unknown }) => fmtScore(Number(x.value)) },
                  markLine: {
                    symbol: 'none',
                    lineStyle: { color: '#d46b08' },
                    data: data.plans
                      .filter((p) => p.reachable && !p.alreadyThere && p.overtake)
                      .map((p, i) => ({
                        xAxis: Number(fmtScore(p.overtake!.score)),
                        // Two targets can lie close together: one label above the chart, the other below.
                        label: {
                          position: i === 0 ? 'end' : 'start',
                          formatter: fill(pick(indicatorLabels.targetLine), { rank: p.rank, score: fmtScore(p.overtake!.score) }),
                          color: TARGET,
                        },
                      })),
                  },
                },
              ],
            }}
          />
          <section aria-label={pick(indicatorLabels.forecast)}>
            <ResponsiveTable<PeerScore>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={data.peers}
              phoneColumns={3}
              rowClassName={(p) => (p.code === data.focus.code ? 'ant-table-row-selected' : '')}
              columns={[
                { title: pick(indicatorLabels.rank), dataIndex: 'rank', width: 64, align: 'right' },
                {
                  title: pick(indicatorLabels.peer),
                  key: 'peer',
                  render: (_, p) => (
                    <>
                      {p.name} {p.synthetic && <Tag color="orange">{pick(indicatorLabels.synthetic)}</Tag>}
                    </>
                  ),
                },
                { title: pick(indicatorLabels.overall), key: 'overall', align: 'right', render: (_, p) => fmtScore(p.score) },
                ...data.method.topics.map((t) => ({
                  title: pick(t.name),
                  key: t.id,
                  align: 'right' as const,
                  render: (_: unknown, p: PeerScore) => fmtScore(p.topics[t.id]),
                })),
              ]}
            />
          </section>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {pick(indicatorLabels.gaps)}
          </Typography.Title>
          <Chart
            label={pick(indicatorLabels.gaps)}
            height={80 + 36 * data.gaps.length}
            option={{
              tooltip: { trigger: 'axis' },
              legend: {},
              grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
              yAxis: {
                type: 'category',
                inverse: true,
                data: data.gaps.map(componentName),
                axisLabel: { interval: 0, width: 130, overflow: 'break' },
              },
              xAxis: { type: 'value', name: pick(indicatorLabels.points) },
              series: [
                { type: 'bar', name: pick(indicatorLabels.perTenth), data: data.gaps.map((g) => Number(gain(g.gainPerTenthOfRange))) },
                { type: 'bar', name: pick(indicatorLabels.maxGain), data: data.gaps.map((g) => Number(gain(g.maxGain))) },
              ],
            }}
          />
          <section aria-label={pick(indicatorLabels.gaps)}>
            <ResponsiveTable<ComponentGap>
              rowKey={(g) => `${g.topic}.${g.component}`}
              size="small"
              pagination={false}
              dataSource={data.gaps}
              phoneColumns={['kpi', 'maxGain']}
              columns={[
                { title: pick(indicatorLabels.kpi), key: 'kpi', render: (_, g) => componentName(g) },
                {
                  title: pick(indicatorLabels.value),
                  key: 'value',
                  align: 'right',
                  render: (_, g) => withUnit(fmtNumber(g.value, 2), unitOf(g), l),
                },
                { title: pick(indicatorLabels.score), key: 'score', align: 'right', render: (_, g) => fmtScore(g.score) },
                { title: pick(indicatorLabels.perUnit), key: 'perUnit', align: 'right', render: (_, g) => gain(g.gainPerUnit) },
                { title: pick(indicatorLabels.perTenth), key: 'perTenth', align: 'right', render: (_, g) => gain(g.gainPerTenthOfRange) },
                { title: pick(indicatorLabels.maxGain), key: 'maxGain', align: 'right', render: (_, g) => gain(g.maxGain) },
              ]}
            />
          </section>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {pick(indicatorLabels.plans)}
          </Typography.Title>
          {data.plans.map((p) => (
            <ResponsiveTable<Improvement>
              key={p.rank}
              title={() => planTitle(p)}
              rowKey={(i) => `${i.topic}.${i.component}`}
              size="small"
              pagination={false}
              style={{ marginBottom: 12 }}
              dataSource={p.improvements}
              phoneColumns={['kpi', 'needed']}
              columns={[
                { title: pick(indicatorLabels.kpi), key: 'kpi', render: (_, i) => componentName(i) },
                {
                  title: pick(indicatorLabels.now),
                  key: 'now',
                  align: 'right',
                  render: (_, i) => withUnit(fmtNumber(i.from, 2), unitOf(i), l),
                },
                {
                  title: pick(indicatorLabels.needed),
                  key: 'needed',
                  align: 'right',
                  render: (_, i) => withUnit(fmtNumber(i.to, 2), unitOf(i), l),
                },
                { title: pick(indicatorLabels.componentScore), key: 'cs', align: 'right', render: (_, i) => fromTo(i) },
                { title: pick(indicatorLabels.overallGain), key: 'gain', align: 'right', render: (_, i) => fmtScore(i.overallGain) },
              ]}
            />
          ))}
        </>
      )}
    </Card>
  );
}
