import { Button, Card, Drawer, Form, Input, InputNumber, Modal, Progress, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { JobRunView } from '../../../../src/common/schemas/jobs.js';
import { RESULT_STATUSES, type ResultStatus, type ResultView, type TotalsRow } from '../../../../src/common/schemas/policies.js';
import { api } from '../../api.js';
import { useReportError } from '../../components/feedback.js';
import { useLoad } from '../../components/useLoad.js';
import { useSession } from '../../session.js';
import { Explanation } from './Explanation.js';

export const STATUS_LABEL: Record<ResultStatus, string> = { near: '差一项', matched: '已匹配', notified: '已告知', confirmed: '已确认', declined: '已放弃', paid: '已兑现' };
const STATUS_COLOR: Record<ResultStatus, string> = { near: 'orange', matched: 'blue', notified: 'cyan', confirmed: 'geekblue', declined: 'default', paid: 'green' };

/** Bulk matching with progress, the results with "why (not)", the follow-through and the totals. */
export default function MatchPage() {
  const report = useReportError();
  // Only the office starts a bulk match; the specialist follows the results through.
  const canMatch = useSession().can('policies.match');
  const [run, setRun] = useState<JobRunView | null>(null);
  const [status, setStatus] = useState<ResultStatus | undefined>('matched');
  const [page, setPage] = useState(1);
  const [why, setWhy] = useState<ResultView | null>(null);
  const { data, reload } = useLoad(useCallback(() => api.get<{ items: ResultView[]; total: number }>('/policies/results', { status, page, pageSize: 20 }), [status, page]));

  useEffect(() => {
    if (!run || run.status === 'succeeded' || run.status === 'failed') return;
    const timer = setTimeout(() => api.get<JobRunView>(`/jobs/runs/${run.id}`).then((r) => {
      setRun(r);
      if (r.status === 'succeeded') reload();
    }, report), 500);
    return () => clearTimeout(timer);
  }, [run, report, reload]);

  const start = async (mode: 'full' | 'incremental') => {
    try {
      setRun(await api.post<JobRunView>('/policies/match', { mode }));
    } catch (err) {
      report(err);
    }
  };
  const result = run?.result as { matched?: number; near?: number; evaluations?: number; seconds?: number } | null | undefined;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title="免申即享批量匹配">
        <Space wrap>
          {canMatch && <Button type="primary" onClick={() => start('incremental')}>匹配变化部分</Button>}
          {canMatch && <Button onClick={() => start('full')}>全量匹配</Button>}
          {run && (
            <span role="status" aria-label="匹配进度" style={{ minWidth: 320, display: 'inline-block' }}>
              <Progress percent={run.progress.percent ?? 0} status={run.status === 'failed' ? 'exception' : run.status === 'succeeded' ? 'success' : 'active'} size="small" />
              {run.status === 'succeeded' && result && <Typography.Text>匹配完成：{result.evaluations} 次判定，符合 {result.matched}，差一项 {result.near}，用时 {result.seconds} 秒</Typography.Text>}
              {run.status === 'failed' && <Typography.Text type="danger">{run.error}</Typography.Text>}
            </span>
          )}
        </Space>
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'results',
              label: '匹配与兑现清单',
              children: (
                <ResultsTable
                  data={data}
                  status={status}
                  onStatus={(s) => {
                    setStatus(s);
                    setPage(1);
                  }}
                  page={page}
                  onPage={setPage}
                  onWhy={setWhy}
                  onChanged={reload}
                />
              ),
            },
            { key: 'totals', label: '汇总', children: <Totals /> },
          ]}
        />
      </Card>
      <Drawer open={!!why} onClose={() => setWhy(null)} width={720} title={why ? `为什么${why.eligible ? '符合' : '不符合'}：${why.enterprise.name} · ${why.benefit.name}` : ''}>
        {why && <Explanation node={why.explanation} />}
      </Drawer>
    </Space>
  );
}

function ResultsTable(props: {
  data: { items: ResultView[]; total: number } | undefined;
  status: ResultStatus | undefined;
  onStatus: (s: ResultStatus | undefined) => void;
  page: number;
  onPage: (p: number) => void;
  onWhy: (r: ResultView) => void;
  onChanged: () => void;
}) {
  const report = useReportError();
  const { can } = useSession();
  const [paying, setPaying] = useState<ResultView | null>(null);
  const [declining, setDeclining] = useState<ResultView | null>(null);
  const act = async (r: ResultView, body: Record<string, unknown>) => {
    try {
      await api.post(`/policies/results/${r.id}/actions`, { ...body, version: r.version });
      props.onChanged();
    } catch (err) {
      report(err);
    }
  };
  const exportHref = `/api/v1/policies/results/export${props.status ? `?status=${props.status}` : ''}`;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          aria-label="状态"
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          value={props.status}
          onChange={(v) => props.onStatus(v)}
          options={RESULT_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
        />
        {can('policies.results.export') && <Button href={exportHref}>导出 Excel</Button>}
      </Space>
      <Table
        size="small"
        rowKey="id"
        dataSource={props.data?.items ?? []}
        pagination={{ current: props.page, total: props.data?.total ?? 0, pageSize: 20, showSizeChanger: false, onChange: props.onPage }}
        columns={[
          { title: '企业', render: (_, r: ResultView) => <span>{r.enterprise.name}<br /><Typography.Text type="secondary">{r.enterprise.uscc} · {r.enterprise.countyName}</Typography.Text></span> },
          { title: '兑现事项', render: (_, r: ResultView) => <span>{r.benefit.name}<br /><Typography.Text type="secondary">{r.benefit.policyTitle}</Typography.Text></span> },
          { title: '状态', dataIndex: 'status', width: 90, render: (s: ResultStatus) => <Tag color={STATUS_COLOR[s]}>{STATUS_LABEL[s]}</Tag> },
          { title: '金额（万元）', width: 100, render: (_, r: ResultView) => r.paidAmount ?? r.amount ?? '—' },
          {
            title: '操作',
            width: 230,
            render: (_, r: ResultView) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => props.onWhy(r)} aria-label={`为什么 ${r.enterprise.name}`}>为什么</Button>
                {r.status === 'matched' && can('policies.results.notify') && <Button size="small" onClick={() => act(r, { action: 'notify' })}>告知</Button>}
                {r.status === 'notified' && <Button size="small" onClick={() => act(r, { action: 'confirm' })}>确认</Button>}
                {(r.status === 'notified' || r.status === 'confirmed') && <Button size="small" onClick={() => setDeclining(r)}>放弃</Button>}
                {r.status === 'confirmed' && can('policies.results.pay') && <Button size="small" onClick={() => setPaying(r)}>兑现</Button>}
              </Space>
            ),
          },
        ]}
      />
      <PayModal result={paying} onClose={() => setPaying(null)} onPay={(amount, paidOn) => paying && act(paying, { action: 'pay', amount, paidOn }).then(() => setPaying(null))} />
      <Modal open={!!declining} title="放弃原因" onCancel={() => setDeclining(null)} footer={null} destroyOnHidden>
        <Form onFinish={(v: { reason: string }) => declining && act(declining, { action: 'decline', reason: v.reason }).then(() => setDeclining(null))}>
          <Form.Item name="reason" label="原因" rules={[{ required: true }]}><Input /></Form.Item>
          <Button type="primary" htmlType="submit">确定</Button>
        </Form>
      </Modal>
    </>
  );
}

function PayModal({ result, onClose, onPay }: { result: ResultView | null; onClose: () => void; onPay: (amount: number, paidOn: string) => void }) {
  return (
    <Modal open={!!result} title="登记兑现" onCancel={onClose} footer={null} destroyOnHidden>
      <Form initialValues={{ amount: result?.amount ?? 0, paidOn: new Date().toISOString().slice(0, 10) }} onFinish={(v: { amount: number; paidOn: string }) => onPay(v.amount, v.paidOn)}>
        <Form.Item name="amount" label="兑现金额（万元）" rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
        <Form.Item name="paidOn" label="兑现日期" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}><Input placeholder="YYYY-MM-DD" /></Form.Item>
        <Button type="primary" htmlType="submit">确定</Button>
      </Form>
    </Modal>
  );
}

function Totals() {
  const [by, setBy] = useState<'policy' | 'department' | 'county'>('policy');
  const { data } = useLoad(useCallback(() => api.get<TotalsRow[]>('/policies/results/totals', { by }), [by]));
  return (
    <>
      <Select value={by} onChange={setBy} style={{ width: 160, marginBottom: 12 }} options={[{ value: 'policy', label: '按政策' }, { value: 'department', label: '按发文部门' }, { value: 'county', label: '按旗县区' }]} />
      <Table
        size="small"
        rowKey="key"
        dataSource={data ?? []}
        pagination={false}
        columns={[
          { title: '名称', dataIndex: 'label' },
          { title: '已匹配', dataIndex: 'matched' },
          { title: '已告知', dataIndex: 'notified' },
          { title: '已确认', dataIndex: 'confirmed' },
          { title: '已放弃', dataIndex: 'declined' },
          { title: '已兑现', dataIndex: 'paid' },
          { title: '应兑现（万元）', dataIndex: 'amountDue', render: (v: number) => v.toFixed(2) },
          { title: '已兑现（万元）', dataIndex: 'amountPaid', render: (v: number) => v.toFixed(2) },
        ]}
      />
    </>
  );
}
