import { App, Button, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import type { DeskView } from '../../../../src/common/schemas/finance.js';
import { $api, type ApiBody, client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { UnitSelect, useUnits } from '../../components/UnitSelect.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { financeLabels as L } from './labels.js';
import { EnterprisePicker, ExportButton, isoDay, today } from './parts.js';

/** 专班+行长: each key enterprise's financing problem with its task-force member, bank president and steps. */
export default function DeskPanel() {
  const { pick } = useI18n();
  const { can, user } = useSession();
  const { message } = App.useApp();
  const manage = can('finance.manage');
  const { data } = $api.useQuery('get', '/api/v1/finance/desk');
  const [dialog, setDialog] = useState<{ kind: 'new' } | { kind: 'step'; desk: DeskView } | null>(null);
  const [form] = Form.useForm();
  const saved = () => {
    message.success(pick(L.saved));
    setDialog(null);
    form.resetFields();
  };
  const finish = async (stepId: number) => {
    await ok(
      client.POST('/api/v1/finance/desk/steps/{id}/done', { params: { path: { id: String(stepId) } }, body: { doneOn: isoDay(today()) } }),
    );
    saved();
  };
  const columns = [
    { key: 'enterprise', title: pick(L.enterprise), render: (_: unknown, d: DeskView) => d.enterprise.name },
    { key: 'problem', title: pick(L.problem), dataIndex: 'problem' },
    { key: 'member', title: pick(L.member), render: (_: unknown, d: DeskView) => d.member.name },
    { key: 'bank', title: pick(L.bank), render: (_: unknown, d: DeskView) => `${d.bank.name} · ${d.presidentName}` },
    {
      key: 'steps',
      title: pick(L.steps),
      render: (_: unknown, d: DeskView) => (
        <Space direction="vertical" size={2}>
          {d.steps.map((s) => (
            <div key={s.id}>
              {`${s.action}（${pick(L.deadline)} ${s.deadline}）`}{' '}
              {s.doneOn ? (
                <Tag color="green">{`${pick(L.done)} ${s.doneOn}`}</Tag>
              ) : s.overdue ? (
                <Tag color="red">{pick(s.itemId ? L.overdue : L.overdueOnly)}</Tag>
              ) : null}
              {manage && !s.doneOn && (
                <Button size="small" type="link" onClick={() => void finish(s.id)}>
                  {pick(L.done)}
                </Button>
              )}
            </div>
          ))}
          {manage && (
            <Button size="small" onClick={() => setDialog({ kind: 'step', desk: d })}>
              {pick(L.addStep)}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {manage && (
          <Button type="primary" onClick={() => setDialog({ kind: 'new' })}>
            {pick(L.desk)}
          </Button>
        )}
        <ExportButton list="desk" />
      </Space>
      <ResponsiveTable<DeskView>
        rowKey="id"
        columns={columns}
        dataSource={data ?? []}
        loading={!data}
        pagination={false}
        phoneColumns={['enterprise', 'steps']}
        locale={{ emptyText: pick(L.none) }}
      />
      {dialog?.kind === 'new' && (
        <FormModal
          title={pick(L.desk)}
          form={form}
          initialValues={{ memberUserId: user.id }}
          onSubmit={async (v: Record<string, unknown>) => {
            await ok(client.POST('/api/v1/finance/desk', { body: v as ApiBody<'/api/v1/finance/desk'> }));
            saved();
          }}
          onCancel={() => setDialog(null)}
        >
          <DeskFields />
        </FormModal>
      )}
      {dialog?.kind === 'step' && (
        <FormModal
          title={`${pick(L.addStep)}：${dialog.desk.enterprise.name}`}
          form={form}
          initialValues={{ workdays: 5 }}
          onSubmit={async (v: { action: string; workdays: number }) => {
            await ok(client.POST('/api/v1/finance/desk/{id}/steps', { params: { path: { id: String(dialog.desk.id) } }, body: v }));
            saved();
          }}
          onCancel={() => setDialog(null)}
        >
          <Form.Item name="action" label={pick(L.action)} rules={[{ required: true, whitespace: true, message: pick(L.required) }]}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="workdays" label={pick(L.workdays)} rules={[{ required: true }]}>
            <InputNumber min={1} max={120} style={{ width: '100%' }} />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}

function DeskFields() {
  const { pick } = useI18n();
  const units = useUnits();
  const { data: banks } = $api.useQuery('get', '/api/v1/finance/banks');
  // the task-force member is an office or specialist user; the one opening the case is only the default
  const { data: office } = $api.useQuery('get', '/api/v1/finance/users', { params: { query: { role: 'office' } } });
  const { data: specialists } = $api.useQuery('get', '/api/v1/finance/users', { params: { query: { role: 'specialist' } } });
  const members = [...(office ?? []), ...(specialists ?? [])].map((u) => ({
    value: u.id,
    label: u.unitName ? `${u.name}（${u.unitName}）` : u.name,
  }));
  return (
    <>
      <EnterprisePicker />
      <Form.Item name="memberUserId" label={pick(L.member)} rules={[{ required: true, message: pick(L.required) }]}>
        <Select aria-label={pick(L.member)} showSearch optionFilterProp="label" options={members} />
      </Form.Item>
      <Form.Item name="problem" label={pick(L.problem)} rules={[{ required: true, whitespace: true, message: pick(L.required) }]}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item name="bankId" label={pick(L.bank)} rules={[{ required: true, message: pick(L.required) }]}>
        <Select aria-label={pick(L.bank)} options={(banks ?? []).map((b) => ({ value: b.id, label: b.name }))} />
      </Form.Item>
      <Form.Item name="presidentName" label={pick(L.president)} rules={[{ required: true, whitespace: true, message: pick(L.required) }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="leadUnitId" label={pick(L.leadUnit)} rules={[{ required: true, message: pick(L.required) }]}>
        <UnitSelect units={units} />
      </Form.Item>
    </>
  );
}
