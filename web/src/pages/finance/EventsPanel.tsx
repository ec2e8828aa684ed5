import { App, Button, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { EventListView } from '../../../../src/common/schemas/finance.js';
import { $api, client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { fill } from '../../components/format.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { financeLabels as L, yuanText } from './labels.js';
import { EventDetail } from './EventDetail.js';
import { DateItem, ExportButton, isoDay, today } from './parts.js';

/** Matchmaking events and what came of the needs presented there within 30/90/180 days. */
export default function EventsPanel() {
  const { pick, lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const { data } = $api.useQuery('get', '/api/v1/finance/events');
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<number | null>(null);
  const [form] = Form.useForm();
  const window = (k: number) => ({
    key: `w${k}`,
    title: fill(pick(L.within), { days: [30, 90, 180][k]! }),
    render: (_: unknown, e: EventListView) => {
      const r = e.results[k]!;
      return (
        `${pick(L.offers)} ${r.offers} · ${pick(L.granted)} ${yuanText(r.grantedFen, lang)} ` +
        `· ${pick(L.landed)} ${yuanText(r.landedFen, lang)}`
      );
    },
  });
  const columns = [
    {
      key: 'title',
      title: pick(L.eventTitle),
      render: (_: unknown, e: EventListView) => (
        <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setShown(e.id)}>
          {e.title}
        </Button>
      ),
    },
    { key: 'heldOn', title: pick(L.heldOn), dataIndex: 'heldOn' },
    { key: 'banks', title: pick(L.invitedBanks), dataIndex: 'banks' },
    { key: 'enterprises', title: pick(L.enterprises), dataIndex: 'enterprises' },
    { key: 'needs', title: pick(L.needsPresented), dataIndex: 'needs' },
    window(0),
    window(1),
    window(2),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {can('finance.manage') && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {pick(L.newEvent)}
          </Button>
        )}
        <ExportButton list="events" />
      </Space>
      <ResponsiveTable<EventListView>
        rowKey="id"
        columns={columns}
        dataSource={data ?? []}
        loading={!data}
        pagination={false}
        phoneColumns={['title', 'heldOn']}
        locale={{ emptyText: pick(L.none) }}
      />
      {shown !== null && <EventDetail id={shown} onClose={() => setShown(null)} />}
      {open && (
        <FormModal
          title={pick(L.newEvent)}
          form={form}
          initialValues={{ heldOn: today() }}
          onSubmit={async (v: { title: string; heldOn: Dayjs; place?: string; bankIds?: number[]; needIds?: number[] }) => {
            await ok(
              client.POST('/api/v1/finance/events', {
                body: {
                  title: v.title,
                  heldOn: isoDay(v.heldOn),
                  place: v.place ?? null,
                  bankIds: v.bankIds ?? [],
                  needIds: v.needIds ?? [],
                },
              }),
            );
            message.success(pick(L.saved));
            setOpen(false);
            form.resetFields();
          }}
          onCancel={() => setOpen(false)}
        >
          <EventFields />
        </FormModal>
      )}
    </Space>
  );
}

function EventFields() {
  const { pick, lang } = useI18n();
  const { data: banks } = $api.useQuery('get', '/api/v1/finance/banks');
  const { data: needs } = $api.useQuery('get', '/api/v1/finance/needs');
  return (
    <>
      <Form.Item name="title" label={pick(L.eventTitle)} rules={[{ required: true, whitespace: true, message: pick(L.required) }]}>
        <Input maxLength={200} />
      </Form.Item>
      <DateItem name="heldOn" label={pick(L.heldOn)} />
      <Form.Item name="place" label={pick(L.place)}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="bankIds" label={pick(L.invitedBanks)}>
        <Select mode="multiple" aria-label={pick(L.invitedBanks)} options={(banks ?? []).map((b) => ({ value: b.id, label: b.name }))} />
      </Form.Item>
      <Form.Item name="needIds" label={pick(L.needsPresented)}>
        <Select
          mode="multiple"
          aria-label={pick(L.needsPresented)}
          optionFilterProp="label"
          options={(needs?.items ?? []).map((n) => ({
            value: n.id,
            label: `${n.enterprise.name} · ${n.purpose} · ${yuanText(n.amountFen, lang)}`,
          }))}
        />
      </Form.Item>
    </>
  );
}
