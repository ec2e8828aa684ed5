import { EditOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, Form, Grid, Input, Modal, Progress, Space, Switch, Table, type TableColumnsType, Typography } from 'antd';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { JobRunView, JobScheduleView } from '../../../../src/common/schemas/jobs.js';
import { $api, client, ok } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { JobRunsCard, RUNS_PAGE_SIZE } from './JobRunsCard.js';
import { RunStatus, duration, when } from './jobTime.js';
import { adminLabels } from './labels.js';

const done = (r: JobRunView) => r.status === 'succeeded' || r.status === 'failed';
const runQuery = (id: number) => $api.queryOptions('get', '/api/v1/jobs/runs/{id}', { params: { path: { id: String(id) } } });
const schedulesQuery = $api.queryOptions('get', '/api/v1/jobs/schedules');

/** A schedule with its last run, fetched for the run's duration and error. */
type Row = JobScheduleView & { lastRun?: JobRunView };

/** 定时任务: schedules with last and next run; the admin edits them, admin and office run one now. */
export default function SchedulesPage() {
  const { pick, lang } = useI18n();
  const colon = lang === 'en' ? ': ' : '：';
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const queryClient = useQueryClient();
  const isAdmin = can('jobs.schedules.edit');
  const isPhone = Grid.useBreakpoint().md === false;
  const [runsPage, setRunsPage] = useState(1);
  const schedules = useQuery(schedulesQuery);
  const lastRuns = useQueries({ queries: (schedules.data ?? []).flatMap((s) => (s.lastRunId ? [runQuery(s.lastRunId)] : [])) });
  const lastRunById = new Map(lastRuns.flatMap((q) => (q.data ? [[q.data.id, q.data] as const] : [])));
  const rows: Row[] | undefined = schedules.data?.map((s) => ({ ...s, lastRun: s.lastRunId ? lastRunById.get(s.lastRunId) : undefined }));
  const runs = $api.useQuery('get', '/api/v1/jobs/runs', { params: { query: { page: runsPage, pageSize: RUNS_PAGE_SIZE } } });
  // Runs started here (schedule name → run id), followed every second until they finish.
  const [started, setStarted] = useState<Record<string, number>>({});
  const followed = useQueries({
    queries: Object.values(started).map((id) => ({
      ...runQuery(id),
      refetchInterval: (q: { state: { data?: JobRunView } }) => (q.state.data && done(q.state.data) ? false : 1000),
    })),
  });
  const active: Record<string, JobRunView> = Object.fromEntries(followed.flatMap((q) => (q.data ? [[q.data.name, q.data] as const] : [])));
  const [editing, setEditing] = useState<JobScheduleView>();
  const [form] = Form.useForm<{ cron: string }>();

  // A run that finishes changes its schedule's last run and the run list: both load afresh.
  const finished = followed.filter((q) => q.data && done(q.data)).length;
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries();
  }, [finished, queryClient]);

  const runNow = async (s: JobScheduleView) => {
    try {
      const run = await ok(client.POST('/api/v1/jobs/schedules/{name}/run', { params: { path: { name: s.name } } }));
      queryClient.setQueryData(runQuery(run.id).queryKey, run);
      setStarted((a) => ({ ...a, [s.name]: run.id }));
    } catch (err) {
      report(err);
    }
  };

  const save = async (s: JobScheduleView, body: { cron?: string; enabled?: boolean }) => {
    try {
      const after = await ok(
        client.PATCH('/api/v1/jobs/schedules/{name}', { params: { path: { name: s.name } }, body: { ...body, version: s.version } }),
      );
      // Shown at once (the switch must not spring back while the list loads again).
      queryClient.setQueryData<typeof schedules.data>(schedulesQuery.queryKey, (list) =>
        list?.map((r) => (r.name === s.name ? { ...r, ...after } : r)),
      );
      message.success(pick(adminLabels.saved));
      return true;
    } catch (err) {
      report(err, editing ? form : undefined);
      return false;
    }
  };

  const edit = (s: JobScheduleView) => {
    form.resetFields();
    form.setFieldsValue({ cron: s.cron });
    setEditing(s);
  };

  const submitCron = async () => {
    const { cron } = await form.validateFields();
    if (editing && (await save(editing, { cron }))) setEditing(undefined);
  };

  const cron = (s: Row) => (
    <Space size={4}>
      <Typography.Text code>{s.cron}</Typography.Text>
      {isAdmin && (
        <Button
          size="small"
          type="text"
          icon={<EditOutlined />}
          aria-label={`${pick(adminLabels.editCron)} ${pick(s.label)}`}
          onClick={() => edit(s)}
        />
      )}
    </Space>
  );
  const enabled = (s: Row) => (
    <Switch
      size="small"
      checked={s.enabled}
      disabled={!isAdmin}
      aria-label={`${pick(adminLabels.enabled)} ${pick(s.label)}`}
      onChange={(on) => save(s, { enabled: on })}
    />
  );
  const last = (s: Row) =>
    s.lastRunAt ? (
      <Space size={4} wrap>
        <span>{when(s.lastRunAt)}</span>
        <RunStatus status={s.lastRun?.status ?? s.lastStatus} />
        {s.lastRun && <Typography.Text type="secondary">{duration(s.lastRun)}</Typography.Text>}
        {s.lastRun?.error && <Typography.Text type="danger">{s.lastRun.error}</Typography.Text>}
      </Space>
    ) : (
      <Typography.Text type="secondary">{pick(adminLabels.never)}</Typography.Text>
    );
  const next = (s: Row) => (s.enabled ? when(s.nextRunAt) : <Typography.Text type="secondary">{pick(adminLabels.off)}</Typography.Text>);
  const runCell = (s: Row) => {
    const run = active[s.name];
    return (
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Button
          size="small"
          icon={<PlayCircleOutlined />}
          loading={run && !done(run)}
          onClick={() => runNow(s)}
          aria-label={`${pick(adminLabels.runNow)} ${pick(s.label)}`}
        >
          {pick(adminLabels.runNow)}
        </Button>
        {run && (
          <span role="status" aria-label={`${pick(s.label)} ${pick(adminLabels.runNow)}`}>
            <RunStatus status={run.status} />
            {!done(run) && <Progress percent={run.progress.percent ?? 0} size="small" status="active" />}
            {run.error && <Typography.Text type="danger">{run.error}</Typography.Text>}
          </span>
        )}
      </Space>
    );
  };
  const job = (s: Row) => (
    <>
      <div>{pick(s.label)}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {s.name}
      </Typography.Text>
    </>
  );
  const actions = {
    title: pick({ zh: '操作', en: 'Actions' }),
    key: 'run',
    width: isPhone ? 110 : 200,
    render: (_: unknown, s: Row) => runCell(s),
  };
  // A phone shows one column per job with everything but the run button stacked in it.
  const columns: TableColumnsType<Row> = isPhone
    ? [
        {
          title: pick(adminLabels.job),
          key: 'job',
          render: (_: unknown, s) => (
            <Space direction="vertical" size={2}>
              {job(s)}
              <Space size={4}>
                {cron(s)}
                {enabled(s)}
              </Space>
              <div>
                {pick(adminLabels.lastRun)}
                {colon}
                {last(s)}
              </div>
              <div>
                {pick(adminLabels.nextRun)}
                {colon}
                {next(s)}
              </div>
            </Space>
          ),
        },
        actions,
      ]
    : [
        { title: pick(adminLabels.job), key: 'job', width: 200, render: (_: unknown, s) => job(s) },
        { title: pick(adminLabels.cron), key: 'cron', width: 190, render: (_: unknown, s) => cron(s) },
        { title: pick(adminLabels.enabled), key: 'enabled', width: 80, render: (_: unknown, s) => enabled(s) },
        { title: pick(adminLabels.lastRun), key: 'last', width: 260, render: (_: unknown, s) => last(s) },
        { title: pick(adminLabels.nextRun), key: 'next', width: 170, render: (_: unknown, s) => next(s) },
        actions,
      ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {pick(adminLabels.schedules)}
      </Typography.Title>
      <section aria-label={pick(adminLabels.schedules)}>
        <Table<Row>
          rowKey="name"
          size="small"
          loading={!rows}
          dataSource={rows}
          pagination={false}
          scroll={isPhone ? undefined : { x: 980 }}
          columns={columns}
        />
      </section>
      <JobRunsCard data={runs.data} page={runsPage} setPage={setRunsPage} />
      <Modal
        open={!!editing}
        title={editing && `${pick(adminLabels.editCron)} · ${pick(editing.label)}`}
        onCancel={() => setEditing(undefined)}
        onOk={submitCron}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="cron"
            label={pick(adminLabels.cron)}
            extra={
              <>
                {pick(adminLabels.cronHelp)}
                {editing?.defaultCron && (
                  <div>
                    {pick(adminLabels.defaultCron)}: <Typography.Text code>{editing.defaultCron}</Typography.Text>
                  </div>
                )}
              </>
            }
            rules={[{ required: true, whitespace: true }]}
          >
            <Input style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
