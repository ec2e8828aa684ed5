import { App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { $api, client, ok, type ApiResponse } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { META_LABELS, OUTCOME_LABELS, SCREEN_LABELS, STAGE_LABELS, procurementLabels as L } from './labels.js';
import { ProcurementNav } from './nav.js';
import { FlagList, RiskTag, yuan } from './parts.js';

type Tender = ApiResponse<'/api/v1/procurement/tenders/{id}'>;
type Bid = Tender['bids'][number];

/** One tender: its bids, the screens, every flag with why it fired, its groups and cases. */
export default function TenderPage() {
  const { id = '' } = useParams();
  const { pick } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const { data: t } = $api.useQuery('get', '/api/v1/procurement/tenders/{id}', { params: { path: { id } } });
  if (!t) return null;

  const openCase = async () => {
    try {
      const c = await ok(client.POST('/api/v1/procurement/cases', { body: { tenderId: t.id } }));
      message.success(pick(L.caseOpened));
      navigate(`/procurement/cases/${c.id}`);
    } catch (err) {
      report(err);
    }
  };
  const screens = Object.entries(t.screens).map(([name, value]) => ({ name, value }));

  return (
    <div>
      <Typography.Title level={3}>{t.key}</Typography.Title>
      <ProcurementNav />
      <Card
        style={{ marginBottom: 16 }}
        extra={can('procurement.cases.manage') && <Button onClick={() => void openCase()}>{pick(L.openCase)}</Button>}
        title={t.title ?? t.key}
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={pick(L.bidDate)}>{t.bidDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={pick(L.bidCount)}>{t.bidCount}</Descriptions.Item>
          <Descriptions.Item label={pick(L.risk)}>
            <RiskTag risk={t.risk} suspect={t.suspect} />
          </Descriptions.Item>
          <Descriptions.Item label={pick(L.remoteEvaluations)}>
            {t.remoteEvaluation === null ? '—' : pick(t.remoteEvaluation ? L.yes : L.no)}
          </Descriptions.Item>
          <Descriptions.Item label={pick(L.parties)}>
            <Link to={t.buyerId ? `/procurement/parties?party=${encodeURIComponent(t.buyerId)}` : '/procurement/parties'}>
              {pick(L.buyerFlags)}
            </Link>
          </Descriptions.Item>
          {t.groups.length > 0 && (
            <Descriptions.Item label={pick(L.groups)}>
              <Space wrap>
                {t.groups.map((g) => (
                  <Link key={g.id} to={`/procurement/groups/${g.id}`}>
                    {pick(L.network)} {g.code}
                  </Link>
                ))}
              </Space>
            </Descriptions.Item>
          )}
          {t.cases.length > 0 && (
            <Descriptions.Item label={pick(L.cases)}>
              <Space wrap>
                {t.cases.map((c) => (
                  <Link key={c.id} to={`/procurement/cases/${c.id}`}>
                    {pick(STAGE_LABELS[c.stage]!)}
                    {c.outcome ? ` · ${pick(OUTCOME_LABELS[c.outcome]!)}` : ''}
                  </Link>
                ))}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={pick(L.why)} style={{ marginBottom: 16 }}>
        <FlagList flags={t.flags} />
      </Card>
      <Card title={pick(L.bids)} style={{ marginBottom: 16 }}>
        <ResponsiveTable<Bid>
          rowKey="bidderId"
          pagination={false}
          dataSource={t.bids}
          phoneColumns={['bidder', 'amount']}
          columns={[
            {
              title: pick(L.bidder),
              key: 'bidder',
              render: (_, b) => <Link to={`/procurement/bidders/${encodeURIComponent(b.bidderId)}`}>{b.bidderName ?? b.bidderId}</Link>,
            },
            { title: pick(L.amount), dataIndex: 'amount', key: 'amount', align: 'right', render: (a: number) => yuan(a) },
            { title: pick(L.winner), dataIndex: 'winner', render: (w: boolean) => (w ? <Tag color="blue">{pick(L.winner)}</Tag> : null) },
            {
              title: pick(L.documents),
              dataIndex: 'meta',
              render: (m: Record<string, string>) =>
                Object.entries(m)
                  .map(([k, v]) => `${META_LABELS[k] ? pick(META_LABELS[k]) : k}：${v}`)
                  .join('；'),
            },
          ]}
        />
      </Card>
      <Card title={pick(L.screens)}>
        <Table
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={screens}
          columns={[
            { title: pick(L.screen), dataIndex: 'name', render: (n: string) => (SCREEN_LABELS[n] ? pick(SCREEN_LABELS[n]) : n) },
            {
              title: pick(L.value),
              dataIndex: 'value',
              render: (v: number | null) =>
                v === null ? (
                  <Typography.Text type="secondary">{pick(L.tooFewBids)}</Typography.Text>
                ) : (
                  v.toLocaleString('zh-CN', { maximumFractionDigits: 4 })
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
