import { App, Button, Form, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import type { BankView } from '../../../../src/common/schemas/finance.js';
import { $api, client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { financeLabels as L } from './labels.js';

/** Each bank with its account managers; the office links a user of the bank role to a bank (a user belongs to one bank). */
export default function BanksPanel() {
  const { pick } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const manage = can('finance.manage');
  const { data } = $api.useQuery('get', '/api/v1/finance/banks');
  const { data: users } = $api.useQuery('get', '/api/v1/finance/users', { params: { query: { role: 'bank' } } }, { enabled: manage });
  const [bank, setBank] = useState<BankView | null>(null);
  const [form] = Form.useForm();
  const columns = [
    { key: 'name', title: pick(L.bank), dataIndex: 'name' },
    {
      key: 'managers',
      title: pick(L.managers),
      render: (_: unknown, b: BankView) => (b.users.length ? b.users.map((u) => <Tag key={u.id}>{u.name}</Tag>) : pick(L.noManager)),
    },
    ...(manage
      ? [
          {
            key: 'link',
            title: '',
            render: (_: unknown, b: BankView) => (
              <Button size="small" onClick={() => setBank(b)}>
                {pick(L.linkManager)}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ResponsiveTable<BankView>
        rowKey="id"
        columns={columns}
        dataSource={data ?? []}
        loading={!data}
        pagination={false}
        phoneColumns={['name', 'managers', 'link']}
        locale={{ emptyText: pick(L.none) }}
      />
      {bank && (
        <FormModal
          title={`${pick(L.linkManager)}：${bank.name}`}
          form={form}
          onSubmit={async (v: { userId: number }) => {
            await ok(client.POST('/api/v1/finance/banks/{id}/users', { params: { path: { id: String(bank.id) } }, body: v }));
            message.success(pick(L.saved));
            setBank(null);
            form.resetFields();
          }}
          onCancel={() => setBank(null)}
        >
          <Form.Item name="userId" label={pick(L.bankUser)} rules={[{ required: true, message: pick(L.required) }]}>
            <Select
              aria-label={pick(L.bankUser)}
              showSearch
              optionFilterProp="label"
              options={(users ?? []).map((u) => ({ value: u.id, label: `${u.name}（${u.username}）` }))}
            />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
