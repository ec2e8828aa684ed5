import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import type { CockpitView } from '../../../../src/common/schemas/supervision.js';
import { fill, fmtNumber } from '../../components/format.js';
import { useI18n } from '../../i18n.js';
import { Chart } from './CockpitChart.js';

export const cockpitDemandsLabels = {
  title: { zh: '企业诉求办理', en: 'Enterprise demands' },
  month: { zh: '{y}年{m}月', en: '{y}-{mm}' },
  received: { zh: '本月受理', en: 'Received this month' },
  closed: { zh: '已办结', en: 'Closed' },
  signRate: { zh: '签收率', en: 'Signed in time' },
  onTimeRate: { zh: '按时办结率', en: 'Closed on time' },
  firstContactRate: { zh: '一次办结率', en: 'First-contact resolution' },
  satisfactionRate: { zh: '满意率', en: 'Satisfaction' },
  reopenRate: { zh: '重办率', en: 'Reopened' },
  trend: { zh: '近 12 个月按时办结率与满意率', en: 'On-time and satisfaction rates, last 12 months' },
  noTrend: { zh: '近 12 个月尚无办结或评价的诉求，暂无趋势。', en: 'No demand was closed or rated in the last 12 months.' },
  none: { zh: '暂无', en: 'None' },
};

/** The demand desk on the cockpit: this month's figures, then the 12-month trend (or a sentence). */
export function CockpitDemands({ d }: { d: CockpitView['demands'] }) {
  const { pick } = useI18n();
  const L = cockpitDemandsLabels;
  const pct = (v: number | null) => (v === null ? pick(L.none) : `${fmtNumber(v, 1)}%`);
  const hasTrend = d.trend.some((t) => t.onTimeRate !== null || t.satisfactionRate !== null);
  const option: EChartsOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? pick(L.none) : `${String(v)}%`) },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: d.trend.map((t) => t.month.slice(2)) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: (['onTimeRate', 'satisfactionRate'] as const).map((k) => ({
      name: pick(L[k]),
      type: 'line' as const,
      connectNulls: false,
      data: d.trend.map((t) => t[k]),
    })),
  };
  const figures: [keyof typeof L, string | number][] = [
    ['received', d.received],
    ['closed', d.closed],
    ['signRate', pct(d.signRate)],
    ['onTimeRate', pct(d.onTimeRate)],
    ['firstContactRate', pct(d.firstContactRate)],
    ['satisfactionRate', pct(d.satisfactionRate)],
    ['reopenRate', pct(d.reopenRate)],
  ];
  return (
    <Card
      size="small"
      title={`${pick(L.title)} · ${fill(pick(L.month), { y: d.month.slice(0, 4), m: Number(d.month.slice(5)), mm: d.month.slice(5) })}`}
    >
      <section aria-label={pick(L.title)}>
        <Row gutter={[12, 12]}>
          {figures.map(([k, v]) => (
            <Col xs={12} sm={8} md={6} lg={3} key={k}>
              <Statistic title={pick(L[k])} value={v} valueStyle={{ fontSize: 20 }} />
            </Col>
          ))}
        </Row>
        <Typography.Title level={5} style={{ marginTop: 12 }}>
          {pick(L.trend)}
        </Typography.Title>
        {hasTrend ? (
          <Chart label={pick(L.trend)} option={option} height={240} />
        ) : (
          <Typography.Paragraph type="secondary">{pick(L.noTrend)}</Typography.Paragraph>
        )}
      </section>
    </Card>
  );
}
