import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { $api, client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { useI18n } from '../../i18n.js';
import { MODE_LABEL, PACKAGE_KIND_LABEL, servicesLabels as L } from './labels.js';
import type { Package } from './types.js';

/** Files a case of a package; the case page opens with the departments' steps. */
export function FileCaseModal({ pkg, onClose }: { pkg: Package; onClose: () => void }) {
  const { pick } = useI18n();
  const [form] = Form.useForm<{ applicant: string; submittedAt?: Dayjs; waived?: number }>();
  const navigate = useNavigate();
  const submit = async (v: { applicant: string; submittedAt?: Dayjs; waived?: number }) => {
    const c = await ok(
      client.POST('/api/v1/services/packages/{id}/cases', {
        params: { path: { id: String(pkg.id) } },
        body: {
          applicant: v.applicant,
          ...(v.submittedAt ? { submittedAt: v.submittedAt.toISOString() } : {}),
          waivedFen: Math.round((v.waived ?? 0) * 100),
        },
      }),
    );
    onClose();
    navigate(`/services/cases/${c.id}`);
  };
  return (
    <FormModal title={`${pick(L.fileCase)}${pick(L.colon)}${pkg.name}`} form={form} onSubmit={submit} onCancel={onClose}>
      <Form.Item name="applicant" label={pick(L.applicant)} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="submittedAt" label={pick(L.submittedAt)}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="waived" label={pick(L.waived)}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Space wrap>
        {[...new Set(pkg.members.map((m) => m.unitName))].map((u) => (
          <Tag key={u}>{u}</Tag>
        ))}
      </Space>
    </FormModal>
  );
}

interface NewPackage {
  code: string;
  name: string;
  kind: Package['kind'];
  mode: Package['mode'];
  promisedDays: number;
  members: string[];
  materials: string;
  formFields?: string;
  before: { steps: number; materials: number; days: number; visits: number; fee: number };
  after: { steps: number; visits: number; fee: number };
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\n|；|;/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A new one-thing package: member services from the catalogue, the merged materials, the before and after figures. */
export function NewPackageModal({ onClose }: { onClose: () => void }) {
  const { pick } = useI18n();
  const [form] = Form.useForm<NewPackage>();
  const [q, setQ] = useState('');
  const { data: services } = $api.useQuery('get', '/api/v1/services/catalogue', { params: { query: { q: q || undefined, pageSize: 50 } } });
  const submit = async (v: NewPackage) => {
    await ok(
      client.POST('/api/v1/services/packages', {
        body: {
          code: v.code,
          name: v.name,
          kind: v.kind as 'other',
          mode: v.mode as 'parallel',
          promisedDays: v.promisedDays,
          members: v.members.map((serviceCode) => ({ serviceCode })),
          materials: lines(v.materials).map((m) => ({
            name: m.replace(/（(共享|免提交)）/g, ''),
            shared: m.includes('（共享）'),
            exempt: m.includes('（免提交）'),
          })),
          formFields: lines(v.formFields),
          before: {
            steps: v.before.steps,
            materials: v.before.materials,
            days: v.before.days,
            visits: v.before.visits,
            feeFen: Math.round(v.before.fee * 100),
          },
          after: { steps: v.after.steps, visits: v.after.visits, feeFen: Math.round(v.after.fee * 100) },
        },
      }),
    );
    onClose();
  };
  const num = (name: (string | number)[] | string, label: string, min = 0) => (
    <Col xs={12} md={6}>
      <Form.Item name={name} label={label} rules={[{ required: true }]}>
        <InputNumber min={min} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <FormModal
      title={pick(L.newPackage)}
      form={form}
      width={760}
      initialValues={{ kind: 'other', mode: 'parallel', before: { fee: 0 }, after: { fee: 0 } } as Partial<NewPackage>}
      onSubmit={submit}
      onCancel={onClose}
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="code" label={pick(L.packageCode)} rules={[{ required: true }]}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="name" label={pick(L.package)} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="kind" label={pick(L.kind)}>
            <Select options={Object.entries(PACKAGE_KIND_LABEL).map(([value, l]) => ({ value, label: pick(l) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="mode" label={pick(L.mode)}>
            <Select options={Object.entries(MODE_LABEL).map(([value, l]) => ({ value, label: pick(l) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="promisedDays" label={`${pick(L.promisedDays)}${pick(L.inWorkdays)}`} rules={[{ required: true }]}>
            <InputNumber min={0} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="members" label={pick(L.members)} rules={[{ required: true }]}>
        <Select
          mode="multiple"
          showSearch
          filterOption={false}
          onSearch={setQ}
          options={(services?.items ?? []).map((s) => ({ value: s.code, label: `${s.code} ${s.name}（${s.unitName}）` }))}
        />
      </Form.Item>
      <Form.Item name="materials" label={pick(L.mergedMaterials)} extra={pick(L.materialsHelp)} rules={[{ required: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="formFields" label={pick(L.formFields)}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Row gutter={12}>
        {num(['before', 'steps'], `${pick(L.before)}${pick(L.steps)}`)}
        {num(['before', 'materials'], `${pick(L.before)}${pick(L.materials)}`)}
        {num(['before', 'days'], `${pick(L.before)}${pick(L.limit)}${pick(L.inWorkdays)}`)}
        {num(['before', 'visits'], `${pick(L.before)}${pick(L.visits)}`)}
        {num(['before', 'fee'], `${pick(L.before)}${pick(L.fee)}${pick(L.inYuan)}`)}
        {num(['after', 'steps'], `${pick(L.after)}${pick(L.steps)}`)}
        {num(['after', 'visits'], `${pick(L.after)}${pick(L.visits)}`)}
        {num(['after', 'fee'], `${pick(L.after)}${pick(L.fee)}${pick(L.inYuan)}`)}
      </Row>
    </FormModal>
  );
}
