import { Button, Card, Descriptions, Layout, List, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { $api, apiUrl } from '../../api/client.js';
import { LangSwitch } from '../../components/LangSwitch.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { GRADE_COLORS, OUTCOMES, PLAN_STATUS, enforcementLabels as L } from './labels.js';

function PlanList() {
  const { pick } = useI18n();
  const { data } = $api.useQuery('get', '/api/v1/enforcement/public/plans');
  if (data && !data.length) return <Typography.Text type="secondary">{pick(L.noPlans)}</Typography.Text>;
  return (
    <List
      dataSource={data ?? []}
      renderItem={(p) => (
        <List.Item>
          <List.Item.Meta
            title={<Link to={`/public/inspections/${p.id}`}>{p.name}</Link>}
            description={`${p.units.join('、')} · ${p.windowFrom} ~ ${p.windowTo} · ${pick(PLAN_STATUS[p.status] ?? PLAN_STATUS.draft!)}`}
          />
        </List.Item>
      )}
    />
  );
}

function PlanRecord({ id }: { id: string }) {
  const { pick } = useI18n();
  const { data: plan } = $api.useQuery('get', '/api/v1/enforcement/public/plans/{id}', { params: { path: { id } } });
  if (!plan) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Link to="/public/inspections">{pick(L.back)}</Link>
      <Card size="small" title={plan.name}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={pick(L.window)}>{`${plan.windowFrom} ~ ${plan.windowTo}`}</Descriptions.Item>
          <Descriptions.Item label={pick(L.items)}>{plan.items.map((i) => `${i.code} ${i.name}`).join('；')}</Descriptions.Item>
          {plan.offSite && <Descriptions.Item label={pick(L.dataSource)}>{plan.dataSource}</Descriptions.Item>}
          <Descriptions.Item label={pick(L.commitment)}>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {plan.commitment ?? ''}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={pick(L.snapshotHash)}>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {plan.snapshotHash ?? ''}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={pick(L.seed)}>
            {plan.seed ? (
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {plan.seed}
              </Typography.Text>
            ) : (
              pick(L.seedHidden)
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={pick(L.recipe)}>
        <Typography.Paragraph>{pick(L.recipeSteps)}</Typography.Paragraph>
        <Space wrap>
          <Button href={apiUrl('/api/v1/enforcement/public/plans/{id}/snapshot', { path: { id } })}>{pick(L.downloadSnapshot)}</Button>
          <Button href={apiUrl('/api/v1/enforcement/public/verify-draw.py')}>{pick(L.downloadRecipe)}</Button>
        </Space>
      </Card>
      <Card size="small" title={pick(L.visits)}>
        {plan.visits.length === 0 ? (
          <Typography.Text type="secondary">{pick(L.noVisits)}</Typography.Text>
        ) : (
          <ResponsiveTable
            rowKey="enterpriseId"
            dataSource={plan.visits}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            phoneColumns={['name', 'grade']}
            columns={[
              { key: 'name', title: pick(L.enterprise), dataIndex: 'enterpriseName' },
              { key: 'grade', title: pick(L.grade), render: (_, v) => <Tag color={GRADE_COLORS[v.grade]}>{v.grade}</Tag> },
              { key: 'uscc', title: pick(L.uscc), dataIndex: 'uscc' },
              { key: 'items', title: pick(L.items), render: (_, v) => v.items.join('、') },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={pick(L.publicResults)}>
        {plan.results.length === 0 ? (
          <Typography.Text type="secondary">{pick(L.notPublished)}</Typography.Text>
        ) : (
          <ResponsiveTable
            rowKey={(r) => `${r.uscc}-${r.itemCode}`}
            dataSource={plan.results}
            pagination={false}
            phoneColumns={['name', 'outcome']}
            columns={[
              { key: 'name', title: pick(L.enterprise), dataIndex: 'enterpriseName' },
              { key: 'outcome', title: pick(L.outcome), render: (_, r) => pick(OUTCOMES[r.outcome]!) },
              { key: 'item', title: pick(L.items), render: (_, r) => `${r.itemCode} ${r.itemName}` },
              { key: 'inspectedOn', title: pick(L.inspectedOn), dataIndex: 'inspectedOn' },
              { key: 'rectifiedOn', title: pick(L.rectifiedOn), dataIndex: 'rectifiedOn' },
              { key: 'uscc', title: pick(L.uscc), dataIndex: 'uscc' },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}

/** "一公开": the plans' commitments, seeds and published results, for anyone, without login. */
export default function PublicPage() {
  const { id } = useParams();
  const { pick } = useI18n();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#fff', padding: '0 16px' }}
      >
        <Typography.Title level={4} style={{ margin: 0 }}>
          {pick(L.publicTitle)}
        </Typography.Title>
        <LangSwitch />
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        {id ? <PlanRecord id={id} /> : <PlanList />}
      </Layout.Content>
    </Layout>
  );
}
