import { Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CockpitView } from '../../../../src/common/schemas/supervision.js';
import { ITEM_STATUSES, ITEM_STATUS_LABELS } from '../../../../src/common/schemas/worklists.js';
import { api } from '../../api.js';
import { useLoad } from '../../components/useLoad.js';
import { useI18n } from '../../i18n.js';
import { Chart } from './CockpitChart.js';
import { supervisionLabels, drillHref } from './labels.js';

const short = (name: string) => name.replace(/^呼和浩特市/, '');

/**
 * 驾驶舱: one column on a phone, two on a desktop, three on a wall screen. Every bar opens the
 * items behind it (the API's drill-down parameters on the items page).
 */
export default function CockpitPage() {
  const { pick } = useI18n();
  const navigate = useNavigate();
  const { data } = useLoad(useCallback(() => api.get<CockpitView>('/supervision/cockpit'), []));
  if (!data) return <Card loading />;
  const units = data.byUnit.slice(0, 20);
  const overdue = [...data.byUnit].filter((u) => u.overdue > 0).sort((a, b) => b.overdue - a.overdue).slice(0, 15);
  const bars = (rows: typeof units, value: (u: (typeof units)[number]) => number, color: string): EChartsOption => ({
    grid: { left: 8, right: 40, top: 10, bottom: 10, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: rows.map((u) => short(u.unit.name)), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [{ type: 'bar', data: rows.map(value), itemStyle: { color }, label: { show: true, position: 'right' } }],
  });
  const onBar = (rows: typeof units, key: 'drill' | 'overdueDrill') => ({ click: (p: { dataIndex: number }) => navigate(drillHref(rows[p.dataIndex][key])) });
  const trend: EChartsOption = {
    grid: { left: 8, right: 16, top: 40, bottom: 10, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: data.trend.map((t) => t.weekOf.slice(5)) },
    yAxis: { type: 'value' },
    series: [
      { name: pick(supervisionLabels.assigned), type: 'line', data: data.trend.map((t) => t.assigned) },
      { name: pick(supervisionLabels.closed), type: 'line', data: data.trend.map((t) => t.closed) },
      { name: pick(supervisionLabels.overdue), type: 'line', data: data.trend.map((t) => t.overdue) },
    ],
  };
  const byList: EChartsOption = {
    grid: { left: 8, right: 16, top: 60, bottom: 10, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: data.byList.map((l) => l.name.replace(/（.*?）/g, '').slice(0, 8)) },
    yAxis: { type: 'value' },
    series: ITEM_STATUSES.map((s) => ({ name: pick(ITEM_STATUS_LABELS[s]), type: 'bar', stack: 'all', data: data.byList.map((l) => l.byStatus[s] ?? 0) })),
  };
  const t = data.totals;
  const col = { xs: 24, lg: 12, xxl: 8 };
  return (
    <Row gutter={[12, 12]}>
      <Col span={24}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {pick(supervisionLabels.cockpit)} · {data.asOf}
        </Typography.Title>
      </Col>
      {[
        [supervisionLabels.totalItems, t.items, undefined],
        [supervisionLabels.closed, t.closed, undefined],
        [supervisionLabels.completion, t.completionRate, '%'],
        [supervisionLabels.overdue, t.overdue, undefined],
      ].map(([label, value, suffix]) => (
        <Col xs={12} md={6} key={String(value) + pick(label as typeof supervisionLabels.closed)}>
          <Card size="small">
            <Statistic title={pick(label as typeof supervisionLabels.closed)} value={value as number} suffix={suffix as string | undefined} valueStyle={label === supervisionLabels.overdue ? { color: '#cf1322' } : undefined} />
          </Card>
        </Col>
      ))}
      <Col {...col}>
        <Card size="small" title={pick(supervisionLabels.byUnit)}>
          <Chart label={pick(supervisionLabels.byUnit)} option={bars(units, (u) => u.completionRate, '#c0392b')} height={Math.max(240, units.length * 24)} onEvents={onBar(units, 'drill')} />
        </Card>
      </Col>
      <Col {...col}>
        <Card size="small" title={pick(supervisionLabels.overdueByUnit)}>
          {overdue.length ? (
            <Chart label={pick(supervisionLabels.overdueByUnit)} option={bars(overdue, (u) => u.overdue, '#2c3e50')} height={Math.max(240, overdue.length * 26)} onEvents={onBar(overdue, 'overdueDrill')} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
        </Card>
      </Col>
      <Col {...col}>
        <Card size="small" title={pick(supervisionLabels.trend)}>
          <Chart label={pick(supervisionLabels.trend)} option={trend} height={280} />
        </Card>
      </Col>
      <Col {...col}>
        <Card size="small" title={pick(supervisionLabels.byList)}>
          <Chart label={pick(supervisionLabels.byList)} option={byList} height={300} onEvents={{ click: (p: { dataIndex: number }) => navigate(drillHref(data.byList[p.dataIndex].drill)) }} />
        </Card>
      </Col>
      <Col {...col}>
        <Card size="small" title={`${pick(supervisionLabels.red)} / ${pick(supervisionLabels.black)} ${data.redBlack.weekOf ?? ''}`}>
          <Row gutter={12}>
            {(['red', 'black'] as const).map((b) => (
              <Col span={12} key={b}>
                <Tag color={b === 'red' ? 'red' : 'black'}>{pick(supervisionLabels[b])}</Tag>
                <ol style={{ paddingLeft: 18, marginTop: 8 }}>
                  {data.redBlack[b].map((r) => (
                    <li key={r.unit.id}>{short(r.unit.name)}</li>
                  ))}
                </ol>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
            {pick(data.redBlack.formula)}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col {...col}>
        <Card size="small" title={pick(supervisionLabels.upcoming)}>
          <List
            size="small"
            dataSource={data.upcoming.slice(0, 8)}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            renderItem={(u) => (
              <List.Item extra={<Tag color={u.dueInWorkdays <= 2 ? 'red' : 'orange'}>{pick(supervisionLabels.workdays).replace('{n}', String(u.dueInWorkdays))}</Tag>}>
                <Link to={`/worklists/items/${u.itemId}`}>
                  {u.code}. {u.content.slice(0, 40)}
                </Link>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={pick(supervisionLabels.instructions)}>
          <List
            size="small"
            dataSource={data.instructions.slice(0, 10)}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            renderItem={(n) => (
              <List.Item>
                <List.Item.Meta title={<Link to={`/worklists/items/${n.itemId}`}>{n.code}. {n.content.slice(0, 50)}</Link>} description={`${n.author ?? ''}：${n.text}（${n.createdAt.slice(0, 10)}）`} />
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
