import { Button, Card, Form, Input, Space, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { $api, client, ok } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { procurementLabels as L } from './labels.js';
import { ProcurementNav } from './nav.js';
import { yuan } from './parts.js';

/** Inspection campaigns with the totals the bulletin cites. */
export default function CampaignsPage() {
  const { pick } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const report = useReportError();
  const [form] = Form.useForm<{ name: string }>();
  const { data, isFetching } = $api.useQuery('get', '/api/v1/procurement/campaigns');
  const create = async (v: { name: string }) => {
    try {
      const c = await ok(client.POST('/api/v1/procurement/campaigns', { body: v }));
      navigate(`/procurement/campaigns/${c.id}`);
    } catch (err) {
      report(err, form);
    }
  };
  return (
    <div>
      <Typography.Title level={3}>{pick(L.title)}</Typography.Title>
      <ProcurementNav />
      {can('procurement.campaigns.manage') && (
        <Card title={pick(L.newCampaign)} style={{ marginBottom: 16 }}>
          <Form form={form} layout="inline" onFinish={create}>
            <Form.Item name="name" label={pick(L.campaignName)} rules={[{ required: true }]}>
              <Input style={{ width: 320 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {pick(L.newCampaign)}
            </Button>
          </Form>
        </Card>
      )}
      <Card title={pick(L.campaigns)}>
        <ResponsiveTable
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          locale={{ emptyText: pick(L.noData) }}
          onRow={(c) => ({ onClick: () => navigate(`/procurement/campaigns/${c.id}`), style: { cursor: 'pointer' } })}
          pagination={false}
          phoneColumns={['name', 'problems']}
          columns={[
            { title: pick(L.campaignName), dataIndex: 'name', key: 'name' },
            { title: pick(L.checked), dataIndex: 'checked' },
            { title: pick(L.checkedAmount), dataIndex: 'amount', render: (a: number) => yuan(a) },
            { title: pick(L.problemsFound), dataIndex: 'problems', key: 'problems' },
            { title: pick(L.verified), dataIndex: 'verified' },
          ]}
        />
      </Card>
    </div>
  );
}

export function CampaignTotals({
  checked,
  amount,
  problems,
  verified,
}: {
  checked: number;
  amount: number;
  problems: number;
  verified: number;
}) {
  const { pick } = useI18n();
  return (
    <Space size="large" wrap>
      <Statistic title={pick(L.checked)} value={checked} />
      <Statistic title={pick(L.checkedAmount)} value={yuan(amount)} />
      <Statistic title={pick(L.problemsFound)} value={problems} />
      <Statistic title={pick(L.verified)} value={verified} />
    </Space>
  );
}
