import { App, Button, Form, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { LISTING_STAGES, type ListingView } from '../../../../src/common/schemas/finance.js';
import { $api, type ApiBody, client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { SERVICE_LABELS, STAGE_LABELS, financeLabels as L, yuanText } from './labels.js';
import { DateItem, EnterprisePicker, ExportButton, isoDay, today } from './parts.js';

/** 上市后备库: stage (培育 → 股改 → 辅导 → 申报 → 上市), services received and subsidies paid. */
export default function ListingPanel() {
  const { pick, lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const manage = can('finance.manage');
  const { data } = $api.useQuery('get', '/api/v1/finance/listing');
  const [dialog, setDialog] = useState<{ kind: 'new' } | { kind: 'stage'; listing: ListingView } | null>(null);
  const [form] = Form.useForm();
  const stage = Form.useWatch('stage', form) as string | undefined;
  const back =
    dialog?.kind === 'stage' &&
    stage !== undefined &&
    LISTING_STAGES.indexOf(stage as never) < LISTING_STAGES.indexOf(dialog.listing.stage);
  const stageOptions = LISTING_STAGES.map((s) => ({ value: s, label: pick(STAGE_LABELS[s]!) }));
  const saved = () => {
    message.success(pick(L.saved));
    setDialog(null);
    form.resetFields();
  };
  const columns = [
    { key: 'enterprise', title: pick(L.enterprise), render: (_: unknown, l: ListingView) => l.enterprise.name },
    { key: 'stage', title: pick(L.stage), render: (_: unknown, l: ListingView) => <Tag color="blue">{pick(STAGE_LABELS[l.stage]!)}</Tag> },
    { key: 'exchange', title: pick(L.exchange), render: (_: unknown, l: ListingView) => [l.exchange, l.board].filter(Boolean).join(' · ') },
    {
      key: 'services',
      title: pick(L.services),
      render: (_: unknown, l: ListingView) =>
        l.history.map((h, k) => (
          <div key={k}>
            {`${h.on} ${pick(SERVICE_LABELS[h.kind] ?? SERVICE_LABELS.stage!)}` +
              `${h.toStage ? ` → ${pick(STAGE_LABELS[h.toStage]!)}` : ''}${h.note ? `：${h.note}` : ''}`}
          </div>
        )),
    },
    {
      key: 'subsidy',
      title: pick(L.subsidy),
      align: 'right' as const,
      render: (_: unknown, l: ListingView) => yuanText(l.subsidyFen, lang),
    },
    {
      key: 'act',
      title: '',
      render: (_: unknown, l: ListingView) =>
        manage && (
          <Button
            size="small"
            onClick={() => setDialog({ kind: 'stage', listing: l })}
            aria-label={`${pick(L.changeStage)} ${l.enterprise.name}`}
          >
            {pick(L.changeStage)}
          </Button>
        ),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {manage && (
          <Button type="primary" onClick={() => setDialog({ kind: 'new' })}>
            {pick(L.addListing)}
          </Button>
        )}
        <ExportButton list="listing" />
      </Space>
      <ResponsiveTable<ListingView>
        rowKey="id"
        columns={columns}
        dataSource={data ?? []}
        loading={!data}
        pagination={false}
        phoneColumns={['enterprise', 'stage']}
        locale={{ emptyText: pick(L.none) }}
      />
      {dialog && (
        <FormModal
          title={dialog.kind === 'new' ? pick(L.addListing) : `${pick(L.changeStage)}：${dialog.listing.enterprise.name}`}
          form={form}
          initialValues={
            dialog.kind === 'new'
              ? { stage: 'cultivating' }
              : { stage: dialog.listing.stage, on: today(), exchange: dialog.listing.exchange, board: dialog.listing.board }
          }
          onSubmit={async (v: Record<string, unknown>) => {
            if (dialog.kind === 'new') await ok(client.POST('/api/v1/finance/listing', { body: v as ApiBody<'/api/v1/finance/listing'> }));
            else {
              const body = {
                ...v,
                on: isoDay(v.on as never),
                version: dialog.listing.version,
                reason: (v.reason as string) || undefined,
              } as ApiBody<'/api/v1/finance/listing/{id}/stage'>;
              await ok(client.POST('/api/v1/finance/listing/{id}/stage', { params: { path: { id: String(dialog.listing.id) } }, body }));
            }
            saved();
          }}
          onCancel={() => setDialog(null)}
        >
          {dialog.kind === 'new' && <EnterprisePicker />}
          <Form.Item name="stage" label={pick(L.stage)} rules={[{ required: true }]}>
            <Select aria-label={pick(L.stage)} options={stageOptions} />
          </Form.Item>
          {dialog.kind === 'stage' && <DateItem name="on" label={pick(L.date)} />}
          {back && (
            <Form.Item
              name="reason"
              label={pick(L.reason)}
              extra={pick(L.backNeedsReason)}
              rules={[{ required: true, whitespace: true, message: pick(L.backNeedsReason) }]}
            >
              <Input.TextArea maxLength={500} />
            </Form.Item>
          )}
          <Form.Item name="exchange" label={pick(L.exchange)}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="board" label={pick(L.board)}>
            <Input maxLength={40} />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
