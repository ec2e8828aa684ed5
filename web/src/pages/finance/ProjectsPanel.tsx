import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ProjectView } from '../../../../src/common/schemas/finance.js';
import { $api, client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { fill } from '../../components/format.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { financeLabels as L, yuanText } from './labels.js';
import { ExportButton } from './parts.js';

/** Credit granted and landed per major project and bank, with the sums the reports cite. */
export default function ProjectsPanel() {
  const { pick, lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const { data } = $api.useQuery('get', '/api/v1/finance/projects');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const t = data?.totals;
  const columns = [
    { key: 'name', title: pick(L.projectName), dataIndex: 'name' },
    {
      key: 'granted',
      title: pick(L.grantedCol),
      align: 'right' as const,
      render: (_: unknown, p: ProjectView) => yuanText(p.grantedFen, lang),
    },
    {
      key: 'landed',
      title: pick(L.landedCol),
      align: 'right' as const,
      render: (_: unknown, p: ProjectView) => yuanText(p.landedFen, lang),
    },
    {
      key: 'banks',
      title: pick(L.bank),
      render: (_: unknown, p: ProjectView) =>
        p.banks.map((b) => (
          <div
            key={b.bankId}
          >{`${b.bankName}：${pick(L.granted)} ${yuanText(b.grantedFen, lang)}，${pick(L.landed)} ${yuanText(b.landedFen, lang)}`}</div>
        )),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {t && (
        <Card size="small" aria-label={pick(L.projectTotals)}>
          <Typography.Text>
            {fill(pick(L.totalsLine), {
              projects: t.projects,
              withCredit: t.withCredit,
              granted: yuanText(t.grantedFen, lang),
              landed: yuanText(t.landedFen, lang),
            })}
          </Typography.Text>
        </Card>
      )}
      <Space wrap>
        {can('finance.manage') && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {pick(L.newProject)}
          </Button>
        )}
        <ExportButton list="projects" />
      </Space>
      <ResponsiveTable<ProjectView>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={!data}
        pagination={false}
        phoneColumns={['name', 'granted']}
        locale={{ emptyText: pick(L.none) }}
      />
      {open && (
        <FormModal
          title={pick(L.newProject)}
          form={form}
          onSubmit={async (v: { name: string }) => {
            await ok(client.POST('/api/v1/finance/projects', { body: { name: v.name } }));
            message.success(pick(L.saved));
            setOpen(false);
            form.resetFields();
          }}
          onCancel={() => setOpen(false)}
        >
          <Form.Item name="name" label={pick(L.projectName)} rules={[{ required: true, whitespace: true, message: pick(L.required) }]}>
            <Input maxLength={200} />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
