import { App, Button, Card, DatePicker, Descriptions, Popover, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { $api, client, ok } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { fill } from '../../components/format.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { STATUS_LABEL, servicesLabels as L } from './labels.js';
import type { Step } from './types.js';

const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** One package case: its departments' steps, each finished or returned by its department; elapsed working time against the promise. */
export default function CasePage() {
  const { pick } = useI18n();
  const { id } = useParams();
  const { can, state } = useSession();
  const { data } = $api.useQuery('get', '/api/v1/services/cases/{id}', { params: { path: { id: id ?? '' } } });
  if (!data) return null;
  const unitId = state.status === 'authenticated' ? state.user.unitId : null;
  const mayAct = (s: Step) => can('services.cases.record') && (can('services.manage') || s.unitId === unitId);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {fill(pick(L.caseTitle), { id: data.id, name: data.packageName })}
      </Typography.Title>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={pick(L.applicant)}>{data.applicant}</Descriptions.Item>
          <Descriptions.Item label={pick(L.status)}>
            <Space>
              {pick(STATUS_LABEL[data.status]!)}
              {data.late ? <Tag color="red">{pick(L.lateTag)}</Tag> : <Tag color="green">{pick(L.onTime)}</Tag>}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={pick(L.elapsed)}>
            {fill(pick(L.elapsedValue), data.elapsed)}（{fill(pick(L.promise), { n: Math.round((data.promisedMinutes / 480) * 100) / 100 })}
            ）
          </Descriptions.Item>
          <Descriptions.Item label={pick(L.started)}>{time(data.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={pick(L.finishedAt)}>{time(data.finishedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <ResponsiveTable<Step>
        rowKey="id"
        size="small"
        dataSource={data.steps}
        pagination={false}
        phoneColumns={['unitName', 'actions']}
        columns={[
          { title: pick(L.unit), dataIndex: 'unitName', key: 'unitName' },
          { title: pick(L.code), dataIndex: 'serviceCode', width: 120 },
          { title: pick(L.started), dataIndex: 'startedAt', render: (v: string | null) => (v ? time(v) : pick(L.waiting)) },
          { title: pick(L.finishedAt), dataIndex: 'finishedAt', render: time },
          {
            title: pick(L.result),
            dataIndex: 'result',
            render: (r: string | null) =>
              r ? <Tag color={r === 'done' ? 'green' : 'orange'}>{pick(r === 'done' ? L.markDone : L.markReturned)}</Tag> : '—',
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, s) =>
              data.status === 'open' && s.startedAt && !s.finishedAt && mayAct(s) && <StepActions caseId={data.id} step={s} />,
          },
        ]}
      />
    </Space>
  );
}

function StepActions({ caseId, step }: { caseId: number; step: Step }) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [at, setAt] = useState<Dayjs | null>(null);
  const save = async (result: 'done' | 'returned') => {
    try {
      await ok(
        client.POST('/api/v1/services/cases/{id}/steps/{stepId}', {
          params: { path: { id: String(caseId), stepId: String(step.id) } },
          body: { result, ...(at ? { at: at.toISOString() } : {}) },
        }),
      );
      message.success(pick(L.saved));
    } catch (err) {
      report(err);
    }
  };
  return (
    <Space wrap>
      <Popover
        trigger="click"
        content={
          <DatePicker
            aria-label={pick(L.finishTime)}
            placeholder={pick(L.finishTime)}
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={at}
            onChange={setAt}
          />
        }
      >
        <Button size="small">{at ? at.format('MM-DD HH:mm') : pick(L.finishTime)}</Button>
      </Popover>
      <Button size="small" type="primary" onClick={() => save('done')}>
        {pick(L.markDone)}
      </Button>
      <Button size="small" danger onClick={() => save('returned')}>
        {pick(L.markReturned)}
      </Button>
    </Space>
  );
}
