import { App, Button, Card, DatePicker, Form, Input, Modal, Progress, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { MEETING_TYPES, MEETING_TYPE_LABELS, type MeetingSummary, type MeetingView } from '../../../../src/common/schemas/supervision.js';
import { api } from '../../api.js';
import { useConfirmPastDeadline, useReportError } from '../../components/feedback.js';
import { UnitSelect, useUnits } from '../../components/UnitSelect.js';
import { useLoad } from '../../components/useLoad.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { supervisionLabels } from './labels.js';
import { SupervisionNav } from './SupervisionNav.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { PLEASE_CHOOSE } from '../../components/format.js';

interface MeetingForm {
  date: Dayjs;
  type: MeetingView['type'];
  title: string;
  chair: string;
  unitIds?: number[];
  topics?: string[];
  decisions?: { content: string; leadUnitId: number; deadline?: Dayjs }[];
}

/** The decisions of one meeting with their items' progress. */
function Decisions({ id }: { id: number }) {
  const { pick } = useI18n();
  const { data } = useLoad(useCallback(() => api.get<MeetingView>(`/supervision/meetings/${id}`), [id]));
  if (!data) return <Card loading size="small" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <div>
        {pick(supervisionLabels.unitsPresent)}：{data.units.map((u) => u.name).join('、') || '—'}；
        {pick(supervisionLabels.topics)}：{data.topics.join('、') || '—'}
      </div>
      <ResponsiveTable
        rowKey="itemId"
        size="small"
        pagination={false}
        dataSource={data.decisions}
        scroll={{ x: 700 }}
        columns={[
          { title: pick(supervisionLabels.decision), key: 'c', render: (_: unknown, d: MeetingView['decisions'][number]) => <Link to={`/worklists/items/${d.itemId}`}>{d.code}. {d.content}</Link> },
          { title: pick(supervisionLabels.lead), key: 'l', render: (_: unknown, d: MeetingView['decisions'][number]) => d.leadUnits.map((u) => u.name).join('、') },
          { title: pick(supervisionLabels.deadline), key: 'd', width: 110, render: (_: unknown, d: MeetingView['decisions'][number]) => (d.ongoing ? '长期坚持' : d.deadline) },
          { title: pick(supervisionLabels.progress), key: 'p', width: 160, render: (_: unknown, d: MeetingView['decisions'][number]) => <Progress percent={d.percent} size="small" status={d.overdue ? 'exception' : d.status === 'closed' ? 'success' : 'active'} /> },
        ]}
      />
    </Space>
  );
}

/** 调度会: meetings by date; each one's decisions are supervised items. */
export default function MeetingsPage() {
  const { pick } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const units = useUnits();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<MeetingForm>();
  const { data, reload } = useLoad(useCallback(() => api.get<MeetingSummary[]>('/supervision/meetings'), []));
  const manage = can('supervision.manage');
  const confirmPastDeadline = useConfirmPastDeadline();
  const save = async () => {
    let v: MeetingForm;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    const decisions = (v.decisions ?? []).map((d) => ({
      content: d.content,
      leadUnitIds: [d.leadUnitId],
      ...(d.deadline ? { deadline: d.deadline.format('YYYY-MM-DD') } : { ongoing: true }),
    }));
    const body = { date: v.date.format('YYYY-MM-DD'), type: v.type, title: v.title, chair: v.chair, unitIds: v.unitIds ?? [], topics: v.topics ?? [], decisions };
    const send = async (confirm: boolean) => {
      await api.post('/supervision/meetings', confirm ? { ...body, confirmPastDeadline: true } : body);
      message.success(pick(supervisionLabels.saved));
      setOpen(false);
      form.resetFields();
      reload();
    };
    // The dialog names the deadlines that have passed (the server decides by the China date).
    const today = dayjs().format('YYYY-MM-DD');
    const dates = decisions.flatMap((d) => ('deadline' in d && d.deadline && d.deadline < today ? [d.deadline] : []));
    await confirmPastDeadline(send, dates, (err) => report(err, form));
  };
  return (
    <>
      <SupervisionNav
        extra={
          manage && (
            <Button type="primary" onClick={() => setOpen(true)}>
              {pick(supervisionLabels.newMeeting)}
            </Button>
          )
        }
      />
      <ResponsiveTable<MeetingSummary>
        phoneColumns={['date', 'title']}
        rowKey="id"
        size="small"
        loading={!data}
        dataSource={data}
        scroll={{ x: 700 }}
        expandable={{ expandedRowRender: (m) => <Decisions id={m.id} /> }}
        columns={[
          { title: pick(supervisionLabels.date), dataIndex: 'date', width: 110 },
          { title: pick(supervisionLabels.type), dataIndex: 'type', width: 140, render: (t: MeetingView['type']) => <Tag>{pick(MEETING_TYPE_LABELS[t])}</Tag> },
          { title: pick(supervisionLabels.title), dataIndex: 'title' },
          { title: pick(supervisionLabels.chair), dataIndex: 'chair', width: 120 },
          { title: pick(supervisionLabels.decisions), key: 'n', width: 160, render: (_: unknown, m) => `${m.closedCount}/${m.decisionCount}${m.overdueCount ? `（${pick(supervisionLabels.overdue)} ${m.overdueCount}）` : ''}` },
        ]}
      />
      <Modal open={open} title={pick(supervisionLabels.newMeeting)} onOk={save} onCancel={() => setOpen(false)} width={760} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ type: 'task_force' }}>
          <Space wrap>
            <Form.Item name="date" label={pick(supervisionLabels.date)} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="type" label={pick(supervisionLabels.type)} rules={[{ required: true }]}>
              <Select placeholder={pick(PLEASE_CHOOSE)} style={{ width: 180 }} options={MEETING_TYPES.map((t) => ({ value: t, label: pick(MEETING_TYPE_LABELS[t]) }))} />
            </Form.Item>
            <Form.Item name="chair" label={pick(supervisionLabels.chair)} rules={[{ required: true }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Space>
          <Form.Item name="title" label={pick(supervisionLabels.title)} rules={[{ required: true }]}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="unitIds" label={pick(supervisionLabels.unitsPresent)}>
            <UnitSelect units={units} mode="multiple" />
          </Form.Item>
          <Form.Item name="topics" label={pick(supervisionLabels.topics)}>
            <Select mode="tags" open={false} />
          </Form.Item>
          <Form.List name="decisions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Card size="small" key={f.key} style={{ marginBottom: 8 }} extra={<Button size="small" onClick={() => remove(f.name)}>×</Button>}>
                    <Form.Item name={[f.name, 'content']} label={pick(supervisionLabels.decision)} rules={[{ required: true }]}>
                      <Input.TextArea autoSize maxLength={2000} />
                    </Form.Item>
                    <Space wrap>
                      <Form.Item name={[f.name, 'leadUnitId']} label={pick(supervisionLabels.lead)} rules={[{ required: true }]}>
                        <UnitSelect units={units} style={{ width: 260 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'deadline']} label={pick(supervisionLabels.deadline)}>
                        <DatePicker />
                      </Form.Item>
                    </Space>
                  </Card>
                ))}
                <Button onClick={() => add()}>{pick(supervisionLabels.addDecision)}</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
