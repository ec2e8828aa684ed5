import { Card, Col, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { withUnit } from '../../../../src/common/measure-units.js';
import { NOTICE_KINDS, NOTICE_KIND_LABELS } from '../../../../src/common/schemas/supervision.js';
import { $api } from '../../api/client.js';
import { fill, fmtNumber, fmtScore } from '../../components/format.js';
import { useI18n } from '../../i18n.js';
import { Chart } from './CockpitChart.js';
import { CockpitDemands } from './CockpitDemands.js';
import { supervisionLabels, drillHref } from './labels.js';

const short = (name: string) => name.replace(/^呼和浩特市/, '');
/** Done is green, in progress within its deadline neutral, only what is late is red. */
const COLOR = { closed: '#389e0d', onTime: '#8fa3bf', overdue: '#cf1322' } as const;
const AMOUNT = { fontSize: 18 };

/** A figure without a chart: said in a sentence, never an empty frame. */
function NoData({ children }: { children: ReactNode }) {
  return (
    <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
      {children}
    </Typography.Paragraph>
  );
}

/** One list's closed / on time / overdue as a single bar, its numbers written beside it. */
function SplitBar({ parts, label }: { parts: { value: number; color: string; name: string }[]; label: string }) {
  const total = parts.reduce((s, p) => s + p.value, 0) || 1;
  return (
    <div role="img" aria-label={label} style={{ display: 'flex', height: 8, borderRadius: 4, overflow: 'hidden', background: '#f0f0f0' }}>
      {parts.map((p) => {
        const width = `${(100 * p.value) / total}%`;
        return p.value ? <div key={p.name} title={`${p.name} ${p.value}`} style={{ width, background: p.color }} /> : null;
      })}
    </div>
  );
}

/**
 * 驾驶舱: four blocks a leader reads first (保二争一, the work lists, 免申即享, supervision), then
 * the charts. One column on a phone, four blocks in a row on a desktop. Every bar opens the items
 * behind it (the API's drill-down parameters on the items page).
 */
export default function CockpitPage() {
  const { pick, lang } = useI18n();
  const l = lang === 'en' ? 'en' : 'zh';
  const navigate = useNavigate();
  const { data } = $api.useQuery('get', '/api/v1/supervision/cockpit');
  if (!data) return <Card loading />;
  const t = data.totals;
  const onTime = t.open - t.overdue;
  const block = { xs: 24, md: 12, xl: 6 };
  const col = { xs: 24, xl: 12 };
  const statusNames = {
    closed: pick(supervisionLabels.closed),
    onTime: pick(supervisionLabels.onTime),
    overdue: pick(supervisionLabels.overdue),
  };

  const g = data.rankGoal;
  const rankBlock = (
    <Card
      size="small"
      title={pick(supervisionLabels.rankGoal)}
      style={{ height: '100%' }}
      extra={g?.synthetic ? <Tag color="orange">{pick(supervisionLabels.demoData)}</Tag> : null}
    >
      <section aria-label={pick(supervisionLabels.rankGoal)}>
        {g ? (
          <>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {fill(pick(supervisionLabels.rankForecast), { rank: g.rank })}
              <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal' }}>
                {fill(pick(supervisionLabels.ofPeers), { n: g.peers })}
              </Typography.Text>
            </Typography.Title>
            <Typography.Text type="secondary">
              {fill(pick(supervisionLabels.forecastPeriod), { period: g.period, score: fmtScore(g.score) })}
            </Typography.Text>
            <div style={{ margin: '8px 0' }}>
              {[2, 1].map((r) => {
                const gap = r === 2 ? g.gapTo2 : g.gapTo1;
                return (
                  <div key={r}>
                    <Typography.Text strong={r === 2}>
                      {gap > 0
                        ? fill(pick(supervisionLabels.gapTo), { rank: r, gap: fmtScore(gap) })
                        : fill(pick(supervisionLabels.atRank), { rank: r })}
                    </Typography.Text>
                  </div>
                );
              })}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fill(pick(supervisionLabels.firstIs), { name: g.first.name, score: fmtScore(g.first.score) })}
              </Typography.Text>
            </div>
            {g.improvements.length > 0 && (
              <>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fill(pick(supervisionLabels.improvementsFor), { rank: g.goalRank })}
                </Typography.Text>
                <ol style={{ paddingLeft: 18, margin: '4px 0 0' }}>
                  {g.improvements.map((i) => (
                    <li key={i.name.zh}>
                      {pick(i.name)}：{withUnit(fmtNumber(i.from, 2), i.unit, l)} → {withUnit(fmtNumber(i.to, 2), i.unit, l)}
                      <Typography.Text type="success"> +{fill(pick(supervisionLabels.points), { n: fmtScore(i.gain) })}</Typography.Text>
                    </li>
                  ))}
                </ol>
              </>
            )}
            <div style={{ marginTop: 8 }}>
              <Link to="/indicators/forecast">{pick(supervisionLabels.rankGoal)} →</Link>
            </div>
          </>
        ) : (
          <NoData>{pick(supervisionLabels.noForecast)}</NoData>
        )}
      </section>
    </Card>
  );

  const worklistBlock = (
    <Card size="small" title={pick(supervisionLabels.worklists)} style={{ height: '100%' }}>
      <section aria-label={pick(supervisionLabels.worklists)}>
        <Row gutter={[8, 4]}>
          {(
            [
              [supervisionLabels.totalItems, t.items, undefined],
              [supervisionLabels.closed, t.closed, COLOR.closed],
              [supervisionLabels.onTime, onTime, undefined],
              [supervisionLabels.overdue, t.overdue, COLOR.overdue],
            ] as const
          ).map(([label, value, color]) => (
            <Col span={12} key={label.zh}>
              <Statistic title={pick(label)} value={value} valueStyle={{ fontSize: 20, ...(color ? { color } : {}) }} />
            </Col>
          ))}
        </Row>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {pick(supervisionLabels.completion)} {fmtNumber(t.completionRate, 1)}%
        </Typography.Text>
        <div style={{ marginTop: 6 }}>
          {data.byList.map((list) => (
            <Link key={list.listId} to={drillHref(list.drill)} style={{ display: 'block', color: 'inherit', marginBottom: 6 }}>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, fontSize: 12 }}>
                <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{list.name}</span>
                <span style={{ whiteSpace: 'nowrap' }}>
                  <span style={{ color: COLOR.closed }}>{list.closed}</span> / {list.onTime} /{' '}
                  <span style={{ color: list.overdue ? COLOR.overdue : undefined }}>{list.overdue}</span>
                </span>
              </div>
              <SplitBar
                label={`${list.name}：${(['closed', 'onTime', 'overdue'] as const).map((k) => `${statusNames[k]} ${list[k]}`).join('，')}`}
                parts={(['closed', 'onTime', 'overdue'] as const).map((k) => ({ name: statusNames[k], value: list[k], color: COLOR[k] }))}
              />
            </Link>
          ))}
          <Space size={12} style={{ fontSize: 12 }}>
            {(['closed', 'onTime', 'overdue'] as const).map((k) => (
              <span key={k}>
                <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 2, background: COLOR[k], marginRight: 4 }} />
                {statusNames[k]}
              </span>
            ))}
          </Space>
        </div>
      </section>
    </Card>
  );

  const a = data.autoGrant;
  const grantBlock = (
    <Card size="small" title={pick(supervisionLabels.autoGrant)} style={{ height: '100%' }}>
      <section aria-label={pick(supervisionLabels.autoGrant)}>
        {a.matched ? (
          <Row gutter={[8, 8]}>
            {(
              [
                [supervisionLabels.matched, a.matched],
                [supervisionLabels.notified, a.notified],
                [supervisionLabels.paid, a.paid],
              ] as const
            ).map(([label, n]) => (
              <Col span={8} key={label.zh}>
                <Statistic title={pick(label)} value={fmtNumber(n)} valueStyle={{ fontSize: 20 }} />
              </Col>
            ))}
            <Col span={24}>
              <Statistic
                title={pick(supervisionLabels.amountDue)}
                value={fill(pick(supervisionLabels.wan), { n: fmtNumber(a.amountDue, 2) })}
                valueStyle={AMOUNT}
              />
            </Col>
            <Col span={24}>
              <Statistic
                title={pick(supervisionLabels.amountPaid)}
                value={fill(pick(supervisionLabels.wan), { n: fmtNumber(a.amountPaid, 2) })}
                valueStyle={{ ...AMOUNT, color: COLOR.closed }}
              />
            </Col>
          </Row>
        ) : (
          <NoData>{pick(supervisionLabels.noAutoGrant)}</NoData>
        )}
      </section>
    </Card>
  );

  const e = data.escalation;
  const rb = data.redBlack;
  const supervisionBlock = (
    <Card size="small" title={pick(supervisionLabels.supervision)} style={{ height: '100%' }}>
      <section aria-label={pick(supervisionLabels.supervision)}>
        <Row gutter={[8, 4]}>
          <Col span={12}>
            <Statistic
              title={pick(supervisionLabels.escalationsOpen)}
              value={e.open}
              valueStyle={{ fontSize: 20, ...(e.open ? { color: COLOR.overdue } : {}) }}
            />
          </Col>
          <Col span={12}>
            <Statistic title={pick(supervisionLabels.awaitingReply)} value={e.awaitingReply} valueStyle={{ fontSize: 20 }} />
          </Col>
        </Row>
        <Space size={[4, 4]} wrap style={{ margin: '6px 0' }}>
          {NOTICE_KINDS.map((k) => (
            <Tag key={k} style={{ margin: 0 }}>
              {pick(NOTICE_KIND_LABELS[k])} {e.byStep[k] ?? 0}
            </Tag>
          ))}
        </Space>
        {rb.weekOf ? (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {pick(supervisionLabels.red)} / {pick(supervisionLabels.black)} · {rb.weekOf}
            </Typography.Text>
            <Row gutter={8}>
              {(['red', 'black'] as const).map((b) => (
                <Col span={12} key={b}>
                  <Tag color={b === 'red' ? 'red' : 'black'} style={{ marginTop: 4 }}>
                    {pick(supervisionLabels[b])}
                  </Tag>
                  <ol style={{ paddingLeft: 18, margin: '4px 0 0', fontSize: 12 }}>
                    {rb[b].slice(0, 3).map((r) => (
                      <li key={r.unit.id}>{short(r.unit.name)}</li>
                    ))}
                  </ol>
                </Col>
              ))}
            </Row>
          </>
        ) : (
          <NoData>{pick(supervisionLabels.noRedBlack)}</NoData>
        )}
        <div style={{ marginTop: 6 }}>
          <Link to="/supervision/weekly">{pick(supervisionLabels.weekly)} →</Link>
        </div>
      </section>
    </Card>
  );

  // All units that lead items, best first; one bar each so that no name is skipped.
  const units = data.byUnit;
  const byUnit: EChartsOption = {
    grid: { left: 8, right: 24, top: 30, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: units.map((u) => short(u.unit.name)),
      // interval 0: every unit's name, none skipped.
      axisLabel: { interval: 0, width: 120, overflow: 'truncate' },
    },
    series: (['closed', 'onTime', 'overdue'] as const).map((k) => ({
      name: statusNames[k],
      type: 'bar',
      stack: 'all',
      barMaxWidth: 16,
      itemStyle: { color: COLOR[k], borderWidth: 0 },
      data: units.map((u) => u[k]),
    })),
  };
  // The red (overdue) segment opens the unit's overdue items, the others all its items.
  const onUnit = {
    click: (p: { dataIndex: number; seriesIndex?: number }) => {
      const unit = units[p.dataIndex];
      navigate(drillHref(p.seriesIndex === 2 ? unit.overdueDrill : unit.drill));
    },
  };

  const trendChart: EChartsOption = {
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: data.trend.map((w) => w.weekOf.slice(5)), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: (
      [
        ['assigned', supervisionLabels.assigned, '#5470c6'],
        ['closed', supervisionLabels.closed, COLOR.closed],
        ['overdue', supervisionLabels.overdue, COLOR.overdue],
      ] as const
    ).map(([k, label, color]) => ({
      name: pick(label),
      type: data.trend.length === 1 ? 'bar' : 'line',
      barMaxWidth: 40,
      itemStyle: { color },
      label: { show: data.trend.length <= 4, position: 'top' },
      data: data.trend.map((w) => w[k]),
    })),
  };

  return (
    <Row gutter={[12, 12]}>
      <Col span={24}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {pick(supervisionLabels.cockpit)}
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal', marginLeft: 12 }}>
            {fill(pick(supervisionLabels.asOf), { d: data.asOf })}
          </Typography.Text>
        </Typography.Title>
      </Col>
      {[rankBlock, worklistBlock, grantBlock, supervisionBlock].map((b, i) => (
        <Col {...block} key={i}>
          {b}
        </Col>
      ))}
      <Col {...col}>
        <Card size="small" title={pick(supervisionLabels.progressByUnit)}>
          {units.length ? (
            <Chart label={pick(supervisionLabels.progressByUnit)} option={byUnit} height={60 + units.length * 22} onEvents={onUnit} />
          ) : (
            <NoData>{pick(supervisionLabels.noItems)}</NoData>
          )}
        </Card>
      </Col>
      <Col {...col}>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Card
            size="small"
            title={pick(supervisionLabels.trend)}
            extra={data.trend.length === 1 ? <Tag color="blue">{pick(supervisionLabels.oneWeek)}</Tag> : null}
          >
            {data.trend.length === 0 ? (
              <NoData>{pick(supervisionLabels.noTrend)}</NoData>
            ) : (
              <>
                {data.trend.length === 1 && <NoData>{fill(pick(supervisionLabels.oneWeekNote), { week: data.trend[0].weekOf })}</NoData>}
                <Chart label={pick(supervisionLabels.trend)} option={trendChart} height={260} />
              </>
            )}
          </Card>
          <Card size="small" title={pick(supervisionLabels.upcoming)}>
            <List
              size="small"
              dataSource={data.upcoming.slice(0, 8)}
              locale={{ emptyText: <NoData>{pick(supervisionLabels.noUpcoming)}</NoData> }}
              renderItem={(u) => (
                <List.Item
                  extra={
                    <Tag color={u.dueInWorkdays <= 2 ? 'red' : 'orange'}>
                      {u.dueInWorkdays === 0
                        ? pick(supervisionLabels.dueToday)
                        : fill(pick(supervisionLabels.workdays), { n: u.dueInWorkdays })}
                    </Tag>
                  }
                >
                  <Link to={`/worklists/items/${u.itemId}`}>
                    {u.code}. {u.content.slice(0, 40)}
                  </Link>
                </List.Item>
              )}
            />
          </Card>
        </Space>
      </Col>
      <Col span={24}>
        <CockpitDemands d={data.demands} />
      </Col>
      <Col span={24}>
        <Card size="small" title={pick(supervisionLabels.instructions)}>
          <List
            size="small"
            dataSource={data.instructions.slice(0, 10)}
            locale={{ emptyText: <NoData>{pick(supervisionLabels.noInstructions)}</NoData> }}
            renderItem={(n) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Link to={`/worklists/items/${n.itemId}`}>
                      {n.code}. {n.content.slice(0, 50)}
                    </Link>
                  }
                  description={`${n.author ?? ''}：${n.text}（${n.createdAt.slice(0, 10)}）`}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
