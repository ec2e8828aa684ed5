import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { $api, type ApiResponse, client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useReportError } from '../../components/feedback.js';
import { fill } from '../../components/format.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { GRADE_COLORS, OUTCOMES, PLAN_STATUS, enforcementLabels as L } from './labels.js';

type Detail = ApiResponse<'/api/v1/enforcement/plans/{id}'>;
type Visit = Detail['visits'][number];
type Result = Detail['results'][number];

interface ResultForm {
  itemCode: string;
  outcome: 'none' | 'problem' | 'rectify' | 'penalised';
  note?: string;
  inspectedOn: Dayjs;
  waiverReason?: string;
}

/** One plan: commit → draw → verify, the drawn enterprises with their inspectors, results and rectification. */
export default function PlanPage() {
  const { id = '' } = useParams();
  const { pick } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<ResultForm>();
  const [recording, setRecording] = useState<Visit | null>(null);
  const [verified, setVerified] = useState<boolean | null>(null);
  const { data: plan } = $api.useQuery('get', '/api/v1/enforcement/plans/{id}', { params: { path: { id } } });
  if (!plan) return null;
  const manage = can('enforcement.plans.manage');
  const path = { id };

  const act = async (call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (err) {
      report(err);
    }
  };
  const verify = () =>
    act(async () => {
      const v = await ok(client.GET('/api/v1/enforcement/plans/{id}/verify', { params: { path } }));
      setVerified(v.matches);
    });
  const record = async (v: ResultForm) => {
    await ok(
      client.POST('/api/v1/enforcement/plans/{id}/results', {
        params: { path },
        body: {
          enterpriseId: recording!.enterpriseId,
          itemCode: v.itemCode,
          outcome: v.outcome,
          note: v.note ?? '',
          inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
          waiverReason: v.waiverReason || null,
        },
      }),
    );
    setRecording(null);
    form.resetFields();
  };
  const rectified = (r: Result) =>
    act(async () => {
      await ok(
        client.POST('/api/v1/enforcement/results/{id}/rectified', {
          params: { path: { id: String(r.id) } },
          body: { rectifiedOn: dayjs().format('YYYY-MM-DD'), version: r.version },
        }),
      );
      message.success(pick(L.markRectified));
    });
  const nameOf = (enterpriseId: number) => plan.visits.find((v) => v.enterpriseId === enterpriseId)?.enterpriseName ?? '';

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {/* The name heads the page, not the card: at 390 px the card's actions left its title no room at all. */}
      <Space wrap align="center">
        <Link to="/enforcement">{pick(L.back)}</Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {plan.name}
        </Typography.Title>
        <Tag>{pick(PLAN_STATUS[plan.status] ?? PLAN_STATUS.draft!)}</Tag>
      </Space>
      <Card
        size="small"
        extra={
          <Space wrap>
            {manage && plan.status === 'draft' && (
              <Button
                type="primary"
                onClick={() =>
                  act(() => ok(client.POST('/api/v1/enforcement/plans/{id}/commit', { params: { path }, body: { version: plan.version } })))
                }
              >
                {pick(L.commit)}
              </Button>
            )}
            {manage && plan.status === 'committed' && (
              <Button
                type="primary"
                onClick={() =>
                  act(() => ok(client.POST('/api/v1/enforcement/plans/{id}/draw', { params: { path }, body: { version: plan.version } })))
                }
              >
                {pick(L.draw)}
              </Button>
            )}
            {plan.status === 'drawn' && <Button onClick={verify}>{pick(L.verify)}</Button>}
            {can('enforcement.results.record') && plan.status === 'drawn' && plan.results.length > 0 && (
              <Button
                onClick={() =>
                  act(() =>
                    ok(client.POST('/api/v1/enforcement/plans/{id}/publish', { params: { path }, body: { version: plan.version } })),
                  )
                }
              >
                {pick(L.publish)}
              </Button>
            )}
            {plan.status !== 'draft' && <Link to={`/public/inspections/${plan.id}`}>{pick(L.publicPage)}</Link>}
          </Space>
        }
      >
        {plan.status === 'draft' && <Alert type="info" showIcon message={pick(L.draftHint)} style={{ marginBottom: 12 }} />}
        {verified !== null && (
          <Alert
            type={verified ? 'success' : 'error'}
            showIcon
            message={pick(verified ? L.verified : L.notVerified)}
            style={{ marginBottom: 12 }}
          />
        )}
        {plan.publishBy && (
          <Alert
            type={plan.publishOverdue ? 'warning' : 'info'}
            showIcon
            message={plan.publishOverdue ? pick(L.publishOverdue) : fill(pick(L.publishBy), { date: plan.publishBy })}
            style={{ marginBottom: 12 }}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={pick(L.window)}>{`${plan.windowFrom} ~ ${plan.windowTo}`}</Descriptions.Item>
          <Descriptions.Item label={pick(L.items)}>{plan.itemCodes.join('、')}</Descriptions.Item>
          <Descriptions.Item label={pick(L.drawn)}>
            {plan.quotas
              .map((q) =>
                q.ratio !== undefined
                  ? `${q.grade}：${Math.round(q.ratio * 1000) / 10}%`
                  : `${q.grade}：${fill(pick(L.quotaCount), { n: String(q.count ?? 0) })}`,
              )
              .join('，')}
          </Descriptions.Item>
          <Descriptions.Item label={pick(L.pool)}>
            {plan.poolSize === null ? '' : fill(pick(L.households), { n: plan.poolSize })}
          </Descriptions.Item>
          {plan.offSite && <Descriptions.Item label={pick(L.dataSource)}>{plan.dataSource}</Descriptions.Item>}
          <Descriptions.Item label={pick(L.commitment)}>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {plan.commitment ?? ''}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={pick(L.snapshotHash)}>
            <Typography.Text code style={{ wordBreak: 'break-all' }}>
              {plan.snapshotHash ?? ''}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={pick(L.seed)}>
            {plan.seed ? (
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {plan.seed}
              </Typography.Text>
            ) : plan.commitment ? (
              pick(L.seedHidden)
            ) : (
              ''
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title={pick(L.visits)}>
        {plan.visits.length === 0 ? (
          <Typography.Text type="secondary">{pick(L.noVisits)}</Typography.Text>
        ) : (
          <ResponsiveTable<Visit>
            rowKey="enterpriseId"
            dataSource={plan.visits}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            phoneColumns={['name', 'act']}
            columns={[
              { key: 'name', title: pick(L.enterprise), dataIndex: 'enterpriseName' },
              { key: 'grade', title: pick(L.grade), render: (_, v) => <Tag color={GRADE_COLORS[v.grade]}>{v.grade}</Tag> },
              { key: 'items', title: pick(L.items), render: (_, v) => v.items.join('、') },
              { key: 'officers', title: pick(L.inspectors), render: (_, v) => v.officers.map((o) => o.name).join('、') },
              { key: 'uscc', title: pick(L.uscc), dataIndex: 'uscc' },
              {
                key: 'act',
                title: '',
                render: (_, v) =>
                  can('enforcement.results.record') && (
                    <Button size="small" onClick={() => setRecording(v)}>
                      {pick(L.record)}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Card>

      <Card size="small" title={pick(L.results)}>
        {plan.results.length === 0 ? (
          <Typography.Text type="secondary">{pick(L.noResults)}</Typography.Text>
        ) : (
          <ResponsiveTable<Result>
            rowKey="id"
            dataSource={plan.results}
            pagination={false}
            phoneColumns={['name', 'outcome']}
            columns={[
              { key: 'name', title: pick(L.enterprise), render: (_, r) => nameOf(r.enterpriseId) },
              { key: 'outcome', title: pick(L.outcome), render: (_, r) => pick(OUTCOMES[r.outcome]!) },
              { key: 'item', title: pick(L.items), dataIndex: 'itemCode' },
              { key: 'inspectedOn', title: pick(L.inspectedOn), dataIndex: 'inspectedOn' },
              { key: 'note', title: pick(L.note), dataIndex: 'note' },
              {
                key: 'rectify',
                title: pick(L.rectifyDue),
                render: (_, r) =>
                  r.outcome === 'none' ? (
                    ''
                  ) : r.rectifiedOn ? (
                    <Tag color="green">{`${pick(L.rectifiedOn)} ${r.rectifiedOn}`}</Tag>
                  ) : (
                    <Space>
                      <Tag color="orange">{`${pick(L.rectifying)}${r.rectifyDue ? ` ${r.rectifyDue}` : ''}`}</Tag>
                      {can('enforcement.results.record') && (
                        <Button size="small" onClick={() => rectified(r)}>
                          {pick(L.markRectified)}
                        </Button>
                      )}
                    </Space>
                  ),
              },
            ]}
          />
        )}
      </Card>

      {recording && (
        <FormModal<ResultForm>
          title={`${pick(L.record)}：${recording.enterpriseName}`}
          form={form}
          initialValues={{ itemCode: recording.items[0], outcome: 'none', inspectedOn: dayjs() }}
          onSubmit={record}
          onCancel={() => setRecording(null)}
        >
          <Form.Item name="itemCode" label={pick(L.items)} rules={[{ required: true }]}>
            <Select options={recording.items.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="outcome" label={pick(L.outcome)} rules={[{ required: true }]}>
            <Select options={Object.entries(OUTCOMES).map(([value, label]) => ({ value, label: pick(label) }))} />
          </Form.Item>
          <Form.Item name="inspectedOn" label={pick(L.inspectedOn)} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label={pick(L.note)}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
          <Form.Item name="waiverReason" label={pick(L.waiverReason)}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
