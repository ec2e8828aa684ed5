import {
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  List,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { JobRunView } from '../../../../src/common/schemas/jobs.js';
import { RESULT_STATUSES, type ResultStatus, type ResultView, type TotalsRow } from '../../../../src/common/schemas/policies.js';
import { $api, type ApiBody, apiUrl, client, ok } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { EnterpriseOwners } from './EnterpriseOwners.js';
import { Explanation } from './Explanation.js';
import { policyLabels, STATUS_COLORS, STATUS_LABELS, fill, formatAmount } from './labels.js';

type ActionBody = ApiBody<'/api/v1/policies/results/{id}/actions'>;
/** An action as a button sends it; the result's version is added when it goes. */
type Action = ActionBody extends infer B ? (B extends unknown ? Omit<B, 'version'> : never) : never;
type Act = (r: ResultView, body: Action) => Promise<void>;

const finished = (r: JobRunView) => r.status === 'succeeded' || r.status === 'failed';
const runQuery = (id: number) => $api.queryOptions('get', '/api/v1/jobs/runs/{id}', { params: { path: { id: String(id) } } });

/** Bulk matching with progress, the results with "why (not)", the follow-through and the totals. */
export default function MatchPage() {
  const { pick } = useI18n();
  const report = useReportError();
  // Only the office starts a bulk match; the specialist follows the results through.
  const canMatch = useSession().can('policies.match');
  const queryClient = useQueryClient();
  const [runId, setRunId] = useState<number | null>(null);
  const [status, setStatus] = useState<ResultStatus | undefined>('matched');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const { data } = $api.useQuery('get', '/api/v1/policies/results', { params: { query: { status, page, pageSize: 20 } } });
  // The drawer shows the result as it is now, also after an action changed it (writes refresh what is shown).
  const openPath = { params: { path: { id: String(openId) } } };
  const { data: detail } = $api.useQuery('get', '/api/v1/policies/results/{id}', openPath, {
    enabled: openId !== null,
    placeholderData: undefined,
  });

  // The match job, followed twice a second until it ends; then the results load afresh.
  const { data: run } = useQuery({
    ...runQuery(runId ?? 0),
    enabled: runId !== null,
    refetchInterval: (q) => (q.state.data && finished(q.state.data) ? false : 500),
  });
  const runDone = run !== undefined && finished(run);
  useEffect(() => {
    if (runDone) void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/policies/results'] });
  }, [runDone, queryClient]);

  const start = async (mode: 'full' | 'incremental') => {
    try {
      const started = await ok(client.POST('/api/v1/policies/match', { body: { mode } }));
      queryClient.setQueryData(runQuery(started.id).queryKey, started);
      setRunId(started.id);
    } catch (err) {
      report(err);
    }
  };
  const act: Act = async (r, body) => {
    try {
      await client.POST('/api/v1/policies/results/{id}/actions', {
        params: { path: { id: String(r.id) } },
        body: { ...body, version: r.version },
      });
    } catch (err) {
      report(err);
    }
  };
  const result = run?.result as { matched?: number; near?: number; evaluations?: number; seconds?: number } | null | undefined;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {canMatch && (
        <Card title={pick(policyLabels.matching)}>
          <Space wrap>
            <Button type="primary" onClick={() => start('incremental')}>
              {pick(policyLabels.matchChanged)}
            </Button>
            <Button onClick={() => start('full')}>{pick(policyLabels.matchAll)}</Button>
            {run && (
              <span
                role="status"
                aria-label={pick(policyLabels.progress)}
                style={{ minWidth: 260, maxWidth: '100%', display: 'inline-block' }}
              >
                <Progress
                  percent={run.progress.percent ?? 0}
                  status={run.status === 'failed' ? 'exception' : run.status === 'succeeded' ? 'success' : 'active'}
                  size="small"
                />
                {run.status === 'succeeded' && result && (
                  <Typography.Text>
                    {fill(pick(policyLabels.done), {
                      evaluations: result.evaluations ?? 0,
                      matched: result.matched ?? 0,
                      near: result.near ?? 0,
                      seconds: result.seconds ?? 0,
                    })}
                  </Typography.Text>
                )}
                {run.status === 'failed' && <Typography.Text type="danger">{run.error}</Typography.Text>}
              </span>
            )}
          </Space>
        </Card>
      )}
      <Card>
        <Tabs
          items={[
            {
              key: 'results',
              label: pick(policyLabels.results),
              children: (
                <Results
                  data={data}
                  status={status}
                  onStatus={(s) => {
                    setStatus(s);
                    setPage(1);
                  }}
                  page={page}
                  onPage={setPage}
                  onOpen={(r) => setOpenId(r.id)}
                  act={act}
                />
              ),
            },
            { key: 'totals', label: pick(policyLabels.totals), children: <Totals /> },
          ]}
        />
      </Card>
      <ResultDrawer result={detail && detail.id === openId ? detail : null} onClose={() => setOpenId(null)} act={act} />
    </Space>
  );
}

/** The follow-through buttons a result offers in its state, for the signed-in role. */
function ResultActions({ r, act, size = 'small' }: { r: ResultView; act: Act; size?: 'small' | 'middle' }) {
  const { pick } = useI18n();
  const { can } = useSession();
  const [paying, setPaying] = useState(false);
  const [declining, setDeclining] = useState(false);
  return (
    <>
      <Space size={4} wrap>
        {r.status === 'matched' && can('policies.results.notify') && (
          <Button size={size} onClick={() => act(r, { action: 'notify' })} aria-label={`${pick(policyLabels.notify)} ${r.enterprise.name}`}>
            {pick(policyLabels.notify)}
          </Button>
        )}
        {r.status === 'notified' && (
          <Button size={size} onClick={() => act(r, { action: 'confirm' })}>
            {pick(policyLabels.confirm)}
          </Button>
        )}
        {(r.status === 'notified' || r.status === 'confirmed') && (
          <Button size={size} onClick={() => setDeclining(true)}>
            {pick(policyLabels.decline)}
          </Button>
        )}
        {r.status === 'confirmed' && can('policies.results.pay') && (
          <Button size={size} onClick={() => setPaying(true)}>
            {pick(policyLabels.pay)}
          </Button>
        )}
      </Space>
      <Modal open={paying} title={pick(policyLabels.payTitle)} onCancel={() => setPaying(false)} footer={null} destroyOnHidden>
        <Form
          layout="vertical"
          initialValues={{ amount: r.amount ?? 0, paidOn: new Date().toISOString().slice(0, 10) }}
          onFinish={(v: { amount: number; paidOn: string }) =>
            act(r, { action: 'pay', amount: v.amount, paidOn: v.paidOn }).then(() => setPaying(false))
          }
        >
          <Form.Item name="amount" label={pick(policyLabels.paidAmount)} rules={[{ required: true }]}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="paidOn"
            label={pick(policyLabels.paidOn)}
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: pick(policyLabels.dateFormat) }]}
          >
            <Input placeholder={pick(policyLabels.dateFormat)} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {pick(policyLabels.ok)}
          </Button>
        </Form>
      </Modal>
      <Modal open={declining} title={pick(policyLabels.declineTitle)} onCancel={() => setDeclining(false)} footer={null} destroyOnHidden>
        <Form
          layout="vertical"
          onFinish={(v: { reason: string }) => act(r, { action: 'decline', reason: v.reason }).then(() => setDeclining(false))}
        >
          <Form.Item name="reason" label={pick(policyLabels.reason)} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {pick(policyLabels.ok)}
          </Button>
        </Form>
      </Modal>
    </>
  );
}

function Results(props: {
  data: { items: ResultView[]; total: number } | undefined;
  status: ResultStatus | undefined;
  onStatus: (s: ResultStatus | undefined) => void;
  page: number;
  onPage: (p: number) => void;
  onOpen: (r: ResultView) => void;
  act: Act;
}) {
  const { pick } = useI18n();
  const { can } = useSession();
  const phone = !Grid.useBreakpoint().md;
  const exportHref = apiUrl('/api/v1/policies/results/export', { query: { status: props.status } });
  const pagination = {
    current: props.page,
    total: props.data?.total ?? 0,
    pageSize: 20,
    showSizeChanger: false,
    onChange: props.onPage,
    size: 'small' as const,
  };
  const why = (r: ResultView) => (
    <Button size="small" onClick={() => props.onOpen(r)} aria-label={`${pick(policyLabels.why)} ${r.enterprise.name}`}>
      {pick(policyLabels.why)}
    </Button>
  );
  const amount = (r: ResultView) => formatAmount(r.paidAmount ?? r.amount);
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          aria-label={pick(policyLabels.status)}
          allowClear
          placeholder={pick(policyLabels.choose)}
          style={{ width: 140 }}
          value={props.status}
          onChange={(v) => props.onStatus(v)}
          options={RESULT_STATUSES.map((s) => ({ value: s, label: pick(STATUS_LABELS[s]) }))}
        />
        {can('policies.results.export') && <Button href={exportHref}>{pick(policyLabels.export)}</Button>}
      </Space>
      {phone ? (
        // At phone width each result is a card with its key facts; everything else is in the drawer.
        <List
          dataSource={props.data?.items ?? []}
          pagination={pagination}
          renderItem={(r) => (
            <List.Item key={r.id} style={{ display: 'block' }}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
                  <Typography.Text strong>{r.enterprise.name}</Typography.Text>
                  <Tag color={STATUS_COLORS[r.status]}>{pick(STATUS_LABELS[r.status])}</Tag>
                </Space>
                <Typography.Text>{r.benefit.name}</Typography.Text>
                <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                  <Typography.Text type="secondary">{r.enterprise.countyName}</Typography.Text>
                  <Typography.Text>
                    {amount(r)} {pick(policyLabels.tenThousandYuan)}
                  </Typography.Text>
                </Space>
                <Space wrap>
                  {why(r)}
                  <ResultActions r={r} act={props.act} />
                </Space>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Table
          size="small"
          rowKey="id"
          dataSource={props.data?.items ?? []}
          pagination={pagination}
          columns={[
            {
              title: pick(policyLabels.enterprise),
              render: (_, r: ResultView) => (
                <span>
                  {r.enterprise.name}
                  <br />
                  <Typography.Text type="secondary">
                    {r.enterprise.uscc} · {r.enterprise.countyName}
                  </Typography.Text>
                </span>
              ),
            },
            {
              title: pick(policyLabels.benefit),
              render: (_, r: ResultView) => (
                <span>
                  {r.benefit.name}
                  <br />
                  <Typography.Text type="secondary">{r.benefit.policyTitle}</Typography.Text>
                </span>
              ),
            },
            {
              title: pick(policyLabels.status),
              dataIndex: 'status',
              width: 140,
              render: (s: ResultStatus, r: ResultView) => (
                <span>
                  <Tag color={STATUS_COLORS[s]}>{pick(STATUS_LABELS[s])}</Tag>
                  {s === 'declined' && r.declineReason && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {r.declineReason}
                    </Typography.Text>
                  )}
                </span>
              ),
            },
            { title: pick(policyLabels.amount), width: 110, align: 'right', render: (_, r: ResultView) => amount(r) },
            {
              title: pick(policyLabels.actions),
              width: 230,
              render: (_, r: ResultView) => (
                <Space size={4} wrap>
                  {why(r)}
                  <ResultActions r={r} act={props.act} />
                </Space>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

const CHANNEL = { inbox: policyLabels.channelInbox, email: policyLabels.channelEmail, sms: policyLabels.channelSms };

/** One result in full: outcome, the enterprise's answer, what it was sent, and every condition. */
function ResultDrawer({ result: r, onClose, act }: { result: ResultView | null; onClose: () => void; act: Act }) {
  const { pick } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const name = r ? `${r.enterprise.name} · ${r.benefit.name}` : '';
  return (
    <Drawer
      open={!!r}
      onClose={onClose}
      width={phone ? '100%' : 720}
      title={r ? fill(pick(r.eligible ? policyLabels.whyYes : policyLabels.whyNo), { name }) : ''}
    >
      {r && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={pick(policyLabels.status)}>
              <Tag color={STATUS_COLORS[r.status]}>{pick(STATUS_LABELS[r.status])}</Tag> {pick(r.summary)}
            </Descriptions.Item>
            <Descriptions.Item label={pick(policyLabels.amount)}>{formatAmount(r.paidAmount ?? r.amount)}</Descriptions.Item>
            {(r.confirmedAt || r.declinedAt) && (
              <Descriptions.Item label={pick(policyLabels.answer)}>
                {r.declinedAt
                  ? fill(pick(policyLabels.declinedOn), { at: r.declinedAt.slice(0, 10), reason: r.declineReason ?? '' })
                  : fill(pick(policyLabels.confirmedOn), { at: r.confirmedAt!.slice(0, 10) })}
              </Descriptions.Item>
            )}
          </Descriptions>
          <ResultActions r={r} act={act} size="middle" />
          {r.notices.length > 0 && (
            <Card size="small" title={pick(policyLabels.notices)}>
              <List
                size="small"
                dataSource={r.notices}
                renderItem={(n) => (
                  <List.Item style={{ display: 'block' }}>
                    <Typography.Text strong>{pick(CHANNEL[n.channel])}</Typography.Text>
                    {n.address && (
                      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                        {n.address}
                      </Typography.Text>
                    )}
                    <Typography.Paragraph copyable={n.channel === 'sms'} style={{ marginBottom: 0 }}>
                      {n.text}
                    </Typography.Paragraph>
                  </List.Item>
                )}
              />
            </Card>
          )}
          <EnterpriseOwners enterpriseId={r.enterprise.id} />
          <Card size="small" title={pick(policyLabels.conditions)}>
            <Explanation node={r.explanation} />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}

function Totals() {
  const { pick } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const [by, setBy] = useState<'policy' | 'department' | 'county'>('policy');
  const { data } = $api.useQuery('get', '/api/v1/policies/results/totals', { params: { query: { by } } });
  const rows = data ?? [];
  const sum = (k: keyof TotalsRow) => rows.reduce((a, r) => a + (r[k] as number), 0);
  const counts = (['matched', 'notified', 'confirmed', 'declined', 'paid'] as const).map((k) => ({ k, title: pick(STATUS_LABELS[k]) }));
  // At phone width the table keeps the name and the two amounts; the counts per status need the width of a desktop.
  const shown = phone ? [] : counts;
  const count = (v: number) => v.toLocaleString('zh-CN');
  const money = (v: number) => formatAmount(v, true);
  return (
    <>
      <Select
        aria-label={pick(policyLabels.totals)}
        value={by}
        onChange={setBy}
        style={{ width: 160, marginBottom: 12 }}
        options={[
          { value: 'policy', label: pick(policyLabels.byPolicy) },
          { value: 'department', label: pick(policyLabels.byDepartment) },
          { value: 'county', label: pick(policyLabels.byCounty) },
        ]}
      />
      <Table
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        columns={[
          { title: pick(policyLabels.name), dataIndex: 'label' },
          ...shown.map(({ k, title }) => ({ title, dataIndex: k, align: 'right' as const, width: 72, render: count })),
          { title: pick(policyLabels.due), dataIndex: 'amountDue', align: 'right', width: phone ? 110 : 130, render: money },
          { title: pick(policyLabels.paid), dataIndex: 'amountPaid', align: 'right', width: phone ? 110 : 130, render: money },
        ]}
        summary={() =>
          rows.length ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{pick(policyLabels.total)}</Typography.Text>
              </Table.Summary.Cell>
              {shown.map(({ k }, i) => (
                <Table.Summary.Cell key={k} index={i + 1} align="right">
                  {count(sum(k))}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={shown.length + 1} align="right">
                <Typography.Text strong>{money(sum('amountDue'))}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={shown.length + 2} align="right">
                <Typography.Text strong>{money(sum('amountPaid'))}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}
