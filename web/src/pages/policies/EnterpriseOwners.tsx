import { App, Button, Card, Descriptions, Form, Input } from 'antd';
import { useState } from 'react';
import { $api, type ApiResponse, client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';

type Enterprise = ApiResponse<'/api/v1/policies/enterprises/{id}'>;

const L = {
  title: { zh: '法定代表人和股东', en: 'Legal representative and shareholders' },
  legalRepresentative: { zh: '法定代表人', en: 'Legal representative' },
  shareholders: { zh: '股东', en: 'Shareholders' },
  shareholdersHelp: {
    zh: '每行一个：姓名或统一社会信用代码；串通投标预警的关联关系据此判断',
    en: 'One per line: a name or a credit code; procurement’s related-party check reads them',
  },
  none: { zh: '未登记', en: 'Not recorded' },
  edit: { zh: '修改', en: 'Edit' },
  saved: { zh: '已保存', en: 'Saved' },
};

/** The registry's owners of an enterprise, editable by the office (the rest of the record is sent back unchanged). */
export function EnterpriseOwners({ enterpriseId }: { enterpriseId: number }) {
  const { pick } = useI18n();
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const { data } = $api.useQuery('get', '/api/v1/policies/enterprises/{id}', { params: { path: { id: String(enterpriseId) } } });
  if (!data) return null;
  return (
    <Card
      size="small"
      title={pick(L.title)}
      extra={
        can('policies.manage') && (
          <Button size="small" aria-label={`${pick(L.edit)} ${pick(L.title)}`} onClick={() => setEditing(true)}>
            {pick(L.edit)}
          </Button>
        )
      }
    >
      {editing && <OwnersModal enterprise={data} onClose={() => setEditing(false)} />}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={pick(L.legalRepresentative)}>{data.legalRepresentative ?? pick(L.none)}</Descriptions.Item>
        <Descriptions.Item label={pick(L.shareholders)}>
          {data.shareholders.length ? data.shareholders.join('、') : pick(L.none)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

interface OwnerFields {
  legalRepresentative?: string;
  shareholders?: string;
}

function OwnersModal({ enterprise: e, onClose }: { enterprise: Enterprise; onClose: () => void }) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OwnerFields>();
  const submit = async (v: OwnerFields) => {
    await ok(
      client.PATCH('/api/v1/policies/enterprises/{id}', {
        params: { path: { id: String(e.id) } },
        body: {
          version: e.version,
          uscc: e.uscc,
          name: e.name,
          legalForm: e.legalForm,
          registeredOn: e.registeredOn,
          capital: e.capital,
          county: e.countyCode,
          industryCode: e.industryCode,
          employees: e.employees,
          revenue: e.revenue,
          assets: e.assets,
          rdSpending: e.rdSpending,
          taxGrade: e.taxGrade,
          figuresYear: e.figuresYear,
          qualifications: e.qualifications,
          tags: e.tags,
          history: e.history,
          contactName: e.contactName,
          contactPhone: e.contactPhone,
          contactEmail: e.contactEmail,
          legalRepresentative: v.legalRepresentative?.trim() || null,
          shareholders: (v.shareholders ?? '')
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
        },
      }),
    );
    message.success(pick(L.saved));
    onClose();
  };
  return (
    <FormModal<OwnerFields>
      title={`${e.name} · ${pick(L.title)}`}
      form={form}
      initialValues={{ legalRepresentative: e.legalRepresentative ?? '', shareholders: e.shareholders.join('\n') }}
      onSubmit={submit}
      onCancel={onClose}
    >
      <Form.Item name="legalRepresentative" label={pick(L.legalRepresentative)}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="shareholders" label={pick(L.shareholders)} extra={pick(L.shareholdersHelp)}>
        <Input.TextArea rows={4} />
      </Form.Item>
    </FormModal>
  );
}
