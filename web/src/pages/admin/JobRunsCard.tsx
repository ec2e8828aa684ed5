import { Card, Table, Typography } from 'antd';
import type { JobRunView } from '../../../../src/common/schemas/jobs.js';
import { useI18n } from '../../i18n.js';
import { RunStatus, duration, when } from './jobTime.js';
import { adminLabels } from './labels.js';

export const RUNS_PAGE_SIZE = 10;

/** The latest runs of every job, newest first. */
export function JobRunsCard({
  data,
  page,
  setPage,
}: {
  data?: { items: JobRunView[]; total: number };
  page: number;
  setPage: (p: number) => void;
}) {
  const { pick } = useI18n();
  return (
    <Card title={pick(adminLabels.recentRuns)} size="small">
      <Table<JobRunView>
        rowKey="id"
        size="small"
        loading={!data}
        dataSource={data?.items}
        scroll={{ x: 640 }}
        pagination={{ current: page, total: data?.total, pageSize: RUNS_PAGE_SIZE, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '#', dataIndex: 'id', width: 60, responsive: ['md'] },
          { title: pick(adminLabels.job), key: 'job', render: (_: unknown, r) => pick(r.label) },
          { title: pick({ zh: '状态', en: 'Status' }), dataIndex: 'status', width: 90, render: (s: string) => <RunStatus status={s} /> },
          {
            title: pick(adminLabels.started_by),
            key: 'by',
            width: 80,
            responsive: ['md'],
            render: (_: unknown, r) => pick(r.slot ? adminLabels.scheduled : adminLabels.manual),
          },
          { title: pick(adminLabels.started), key: 'at', width: 170, render: (_: unknown, r) => when(r.startedAt ?? r.enqueuedAt) },
          { title: pick(adminLabels.duration), key: 'duration', width: 100, responsive: ['md'], render: (_: unknown, r) => duration(r) },
          {
            title: pick(adminLabels.error),
            key: 'error',
            render: (_: unknown, r) => (r.error ? <Typography.Text type="danger">{r.error}</Typography.Text> : (r.message ?? '')),
          },
        ]}
      />
    </Card>
  );
}
