import { Card, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { $api, type ApiResponse } from '../../api/client.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { procurementLabels as L } from './labels.js';
import { ProcurementNav } from './nav.js';
import { FlagList, RiskTag, yuan } from './parts.js';

type Bidder = ApiResponse<'/api/v1/procurement/bidders/{bidderId}'>;

/** One bidder's history: every tender it bid in, its groups and its signals with other bidders. */
export default function BidderPage() {
  const { bidderId = '' } = useParams();
  const { pick, lang } = useI18n();
  const { data: b } = $api.useQuery('get', '/api/v1/procurement/bidders/{bidderId}', { params: { path: { bidderId } } });
  if (!b) return null;
  return (
    <div>
      <Typography.Title level={3}>{b.name ?? b.bidderId}</Typography.Title>
      <ProcurementNav />
      <Typography.Paragraph type="secondary">{b.bidderId}</Typography.Paragraph>
      {b.groups.length > 0 && (
        <Space wrap style={{ marginBottom: 16 }}>
          {b.groups.map((g) => (
            <Link key={g.id} to={`/procurement/groups/${g.id}`}>
              <Tag color="red">
                {pick(L.groups)} {g.code} · {Math.round(g.risk * 100)}%
              </Tag>
            </Link>
          ))}
        </Space>
      )}
      <Card title={pick(L.history)} style={{ marginBottom: 16 }}>
        <ResponsiveTable<Bidder['tenders'][number]>
          rowKey="id"
          pagination={false}
          dataSource={b.tenders}
          phoneColumns={['key', 'risk']}
          columns={[
            {
              title: pick(L.tender),
              dataIndex: 'key',
              key: 'key',
              render: (k: string, t) => <Link to={`/procurement/tenders/${t.id}`}>{k}</Link>,
            },
            { title: pick(L.bidDate), dataIndex: 'bidDate' },
            { title: pick(L.amount), dataIndex: 'amount', align: 'right', render: (a: number) => yuan(a) },
            { title: pick(L.winner), dataIndex: 'winner', render: (w: boolean) => (w ? <Tag color="blue">{pick(L.winner)}</Tag> : null) },
            { title: pick(L.risk), dataIndex: 'risk', key: 'risk', render: (r: number, t) => <RiskTag risk={r} suspect={t.suspect} /> },
          ]}
        />
      </Card>
      {b.redFlags.length > 0 && (
        <Card title={pick(L.redFlags)} style={{ marginBottom: 16 }}>
          <FlagList flags={b.redFlags} />
        </Card>
      )}
      <Card title={pick(L.pairs)}>
        {b.pairs.length === 0 && <Typography.Text type="secondary">{pick(L.noFlags)}</Typography.Text>}
        <Space direction="vertical" style={{ width: '100%' }}>
          {b.pairs.map((p) => (
            <div key={p.other}>
              <Typography.Title level={5}>
                <Link to={`/procurement/bidders/${encodeURIComponent(p.other)}`}>{p.otherName ?? p.other}</Link>
                <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 13 }}>
                  {lang === 'en' ? `together ${p.coBids} times` : `共同投标 ${p.coBids} 次`}
                </Typography.Text>
              </Typography.Title>
              <FlagList flags={p.flags} />
            </div>
          ))}
        </Space>
      </Card>
    </div>
  );
}
