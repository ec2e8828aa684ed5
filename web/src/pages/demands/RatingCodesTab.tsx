import { Alert, Button, Form, Input, Modal, Popconfirm, QRCode, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { $api, type ApiResponse, client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { UnitSelect, useUnits } from '../../components/UnitSelect.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { demandLabels } from './labels.js';
import { settingsLabels as L } from './settings.labels.js';

type Code = ApiResponse<'/api/v1/demands/rating-codes'>[number];
interface CodeForm {
  kind: 'window' | 'specialist';
  name: string;
  unitId: number;
}

/** The page anyone served opens to rate a window or specialist (the public rating page with the code filled in). */
export function ratingLink(code: string): string {
  return `${window.location.origin}/public/rate?point=${encodeURIComponent(code)}`;
}

/** 评价码: each window's and specialist's code, created, shown or printed with its link, and deactivated. */
export function RatingCodesTab() {
  const { pick } = useI18n();
  const report = useReportError();
  const units = useUnits();
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const { data: codes, refetch, isFetching } = $api.useQuery('get', '/api/v1/demands/rating-codes');
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<Code | null>(null);
  const [form] = Form.useForm<CodeForm>();
  const save = async (v: CodeForm) => {
    const created = await ok(client.POST('/api/v1/demands/rating-codes', { body: { ...v, userId: null } }));
    setAdding(false);
    form.resetFields();
    await refetch();
    setShown(created);
  };
  const retire = async (c: Code) => {
    try {
      await ok(client.POST('/api/v1/demands/rating-codes/{id}/retire', { params: { path: { id: String(c.id) } } }));
      await refetch();
    } catch (err) {
      report(err);
    }
  };
  const columns = [
    { key: 'name', title: pick(L.name), dataIndex: 'name' },
    { key: 'kind', title: pick(L.kind), render: (_: unknown, c: Code) => pick(c.kind === 'window' ? L.window : L.specialist) },
    { key: 'unit', title: pick(demandLabels.unit), render: (_: unknown, c: Code) => unitName.get(c.unitId) ?? '' },
    { key: 'code', title: pick(L.code), render: (_: unknown, c: Code) => <Typography.Text code>{c.code}</Typography.Text> },
    {
      key: 'state',
      title: pick(L.state),
      render: (_: unknown, c: Code) => (c.active ? <Tag color="green">{pick(L.active)}</Tag> : <Tag>{pick(L.retired)}</Tag>),
    },
    {
      key: 'actions',
      title: pick(L.actions),
      render: (_: unknown, c: Code) =>
        c.active && (
          <Space wrap>
            <Button size="small" onClick={() => setShown(c)}>
              {pick(L.show)}
            </Button>
            <Popconfirm title={pick(L.retireConfirm)} onConfirm={() => retire(c)}>
              <Button size="small" danger>
                {pick(L.retire)}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" message={pick(L.ratingCodesHelp)} />
      <Button type="primary" onClick={() => setAdding(true)}>
        {pick(L.addCode)}
      </Button>
      {codes && codes.length === 0 ? (
        <Typography.Paragraph>{pick(L.noCodes)}</Typography.Paragraph>
      ) : (
        <ResponsiveTable<Code>
          rowKey="id"
          loading={isFetching}
          columns={columns}
          dataSource={codes ?? []}
          phoneColumns={['name', 'code', 'actions']}
          pagination={false}
        />
      )}
      {adding && (
        <FormModal<CodeForm>
          title={pick(L.addCode)}
          form={form}
          initialValues={{ kind: 'window' }}
          onSubmit={save}
          onCancel={() => setAdding(false)}
        >
          <Form.Item name="kind" label={pick(L.kind)} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'window', label: pick(L.window) },
                { value: 'specialist', label: pick(L.specialist) },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" label={pick(L.name)} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={100} placeholder={pick({ zh: '如：税务综合窗口 3 号', en: 'e.g. Tax counter 3' })} />
          </Form.Item>
          <Form.Item name="unitId" label={pick(demandLabels.unit)} rules={[{ required: true }]}>
            <UnitSelect units={units} />
          </Form.Item>
        </FormModal>
      )}
      {shown && (
        <Modal
          open
          title={shown.name}
          onCancel={() => setShown(null)}
          footer={[
            <Button key="print" onClick={() => window.print()}>
              {pick(L.print)}
            </Button>,
            <Button key="close" type="primary" onClick={() => setShown(null)}>
              {pick({ zh: '关闭', en: 'Close' })}
            </Button>,
          ]}
        >
          <Space direction="vertical" align="center" style={{ width: '100%' }}>
            <Typography.Text>{pick(L.scanToRate)}</Typography.Text>
            <QRCode value={ratingLink(shown.code)} />
            <Typography.Title level={2} style={{ margin: 0 }} copyable>
              {shown.code}
            </Typography.Title>
            <Typography.Text type="secondary">{pick(L.link)}</Typography.Text>
            <Typography.Link href={ratingLink(shown.code)} copyable style={{ wordBreak: 'break-all' }}>
              {ratingLink(shown.code)}
            </Typography.Link>
          </Space>
        </Modal>
      )}
    </Space>
  );
}
