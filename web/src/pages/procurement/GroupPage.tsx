import { App, Button, Card, Space, Table, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { $api, client, ok } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { procurementLabels as L } from './labels.js';
import { NetworkChart } from './NetworkChart.js';
import { ProcurementNav } from './nav.js';
import { FlagList, FlagTags, RiskTag } from './parts.js';

/** A bidder group: its co-bidding network, members and wins, the signals that tie it together. */
export default function GroupPage() {
  const { id = '' } = useParams();
  const { pick, lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const { data } = $api.useQuery('get', '/api/v1/procurement/groups/{id}/network', { params: { path: { id } } });
  if (!data) return null;
  const g = data.group;
  const openCase = async () => {
    try {
      const c = await ok(client.POST('/api/v1/procurement/cases', { body: { groupId: g.id } }));
      message.success(pick(L.caseOpened));
      navigate(`/procurement/cases/${c.id}`);
    } catch (err) {
      report(err);
    }
  };
  return (
    <div>
      <Typography.Title level={3}>
        {pick(L.groups)} {g.code}
      </Typography.Title>
      <ProcurementNav />
      <Card
        title={pick(L.network)}
        extra={
          <Space>
            <RiskTag risk={g.risk} />
            {can('procurement.cases.manage') && <Button onClick={() => void openCase()}>{pick(L.openCase)}</Button>}
          </Space>
        }
        style={{ marginBottom: 16 }}
      >
        <Typography.Paragraph type="secondary">{pick(L.networkHint)}</Typography.Paragraph>
        {data.nodes.length ? (
          <NetworkChart network={data} onBidder={(b) => navigate(`/procurement/bidders/${encodeURIComponent(b)}`)} />
        ) : (
          <Typography.Text type="secondary">{pick(L.noData)}</Typography.Text>
        )}
      </Card>
      <Card title={pick(L.members)} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="bidderId"
          pagination={false}
          dataSource={g.members}
          columns={[
            {
              title: pick(L.bidder),
              key: 'name',
              render: (_, m) => <Link to={`/procurement/bidders/${encodeURIComponent(m.bidderId)}`}>{m.name ?? m.bidderId}</Link>,
            },
            { title: pick(L.wins), key: 'wins', render: (_, m) => g.wins[m.bidderId] ?? 0 },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {lang === 'en' ? `They bid together in ${g.tenders} tenders.` : `组内投标人共同参与 ${g.tenders} 个标段。`}
        </Typography.Paragraph>
      </Card>
      <Card title={pick(L.why)}>
        <FlagList flags={g.flags} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {pick(L.pairs)}
        </Typography.Title>
        <Space direction="vertical" style={{ width: '100%' }}>
          {data.edges
            .filter((e) => e.flags.length)
            .map((e) => (
              <Typography.Text key={`${e.source}-${e.target}`}>
                <Link to={`/procurement/bidders/${encodeURIComponent(e.source)}`}>
                  {data.nodes.find((n) => n.id === e.source)?.name ?? e.source}
                </Link>
                {' — '}
                <Link to={`/procurement/bidders/${encodeURIComponent(e.target)}`}>
                  {data.nodes.find((n) => n.id === e.target)?.name ?? e.target}
                </Link>
                {lang === 'en' ? `: together ${e.coBids} times ` : `：共同投标 ${e.coBids} 次 `}
                <FlagTags codes={e.flags} />
              </Typography.Text>
            ))}
        </Space>
      </Card>
    </div>
  );
}
