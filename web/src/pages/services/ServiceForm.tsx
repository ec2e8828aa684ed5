import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { UnitSelect, useUnits } from '../../components/UnitSelect.js';
import { fill } from '../../components/format.js';
import { useI18n } from '../../i18n.js';
import { FLAG_LABEL, LEVEL_LABEL, PARK_BASIS_LABEL, TYPE_LABEL, servicesLabels as L } from './labels.js';
import type { Service } from './types.js';

interface ServiceFields {
  code: string;
  name: string;
  level: Service['level'];
  unitId: number;
  countyId?: number;
  type: string;
  legalDays: number;
  promisedDays: number;
  fee?: number;
  materials?: string;
  flags: Service['flags'];
  parkBasis?: 'agreement' | 'entrust';
  place?: string;
  onlineUrl?: string;
  validFrom: Dayjs;
}

const SHARED = '（共享）';
const EXEMPT = '（免提交）';

/** One material a line, marked （共享） or （免提交） as the service lists write them. */
function materialsOf(text: string | undefined) {
  return (text ?? '')
    .split(/\n|；|;/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((m) => ({ name: m.replace(SHARED, '').replace(EXEMPT, '').trim(), shared: m.includes(SHARED), exempt: m.includes(EXEMPT) }));
}

function fieldsOf(s: Service): Partial<ServiceFields> {
  return {
    ...s,
    countyId: s.countyId ?? undefined,
    fee: s.feeFen / 100,
    materials: s.materials.map((m) => `${m.name}${m.shared ? SHARED : ''}${m.exempt ? EXEMPT : ''}`).join('\n'),
    parkBasis: (s.parkBasis as ServiceFields['parkBasis']) ?? undefined,
    place: s.place ?? undefined,
    onlineUrl: s.onlineUrl ?? undefined,
    validFrom: dayjs(s.validFrom),
  };
}

/**
 * A single catalogue service, new or edited. The promised limit is checked against the legal one
 * while typing, as the server checks it; an edit from a later day keeps the old version.
 */
export function ServiceFormModal({ service, onClose }: { service?: Service | undefined; onClose: (saved: boolean) => void }) {
  const { pick } = useI18n();
  const [form] = Form.useForm<ServiceFields>();
  const units = useUnits();
  const level = Form.useWatch('level', form);
  const flags = Form.useWatch('flags', form) ?? [];
  const submit = async (v: ServiceFields) => {
    const body = {
      code: v.code,
      name: v.name,
      level: v.level as 'city',
      unitId: v.unitId,
      countyId: v.level === 'city' ? null : (v.countyId ?? null),
      type: v.type as 'licence',
      legalDays: v.legalDays,
      promisedDays: v.promisedDays,
      feeFen: Math.round((v.fee ?? 0) * 100),
      materials: materialsOf(v.materials),
      flags: v.flags,
      parkBasis: v.flags.includes('park') ? (v.parkBasis ?? null) : null,
      place: v.place || null,
      onlineUrl: v.onlineUrl || null,
      validFrom: v.validFrom.format('YYYY-MM-DD'),
    };
    if (service)
      await ok(
        client.PATCH('/api/v1/services/catalogue/{id}', {
          params: { path: { id: String(service.id) } },
          body: { ...body, version: service.version },
        }),
      );
    else await ok(client.POST('/api/v1/services/catalogue', { body }));
    onClose(true);
  };
  const options = (labels: Record<string, { zh: string; en: string }>) =>
    Object.entries(labels).map(([value, l]) => ({ value, label: pick(l) }));
  return (
    <FormModal<ServiceFields>
      title={pick(service ? L.editService : L.newService)}
      form={form}
      width={760}
      initialValues={service ? fieldsOf(service) : { level: 'city', type: 'licence', flags: [], fee: 0, validFrom: dayjs().startOf('day') }}
      onSubmit={submit}
      onCancel={() => onClose(false)}
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="code" label={pick(L.code)} rules={[{ required: true, pattern: /^[A-Za-z0-9\-_.]{1,60}$/ }]}>
            <Input maxLength={60} disabled={Boolean(service)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="name" label={pick(L.name)} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="level" label={pick(L.level)} rules={[{ required: true }]}>
            <Select options={options(LEVEL_LABEL)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="type" label={pick(L.type)} rules={[{ required: true }]}>
            <Select options={options(TYPE_LABEL)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="validFrom" label={pick(L.validFrom)} rules={[{ required: true }]} tooltip={service && pick(L.validFromHelp)}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="unitId" label={pick(L.unit)} rules={[{ required: true }]}>
            <UnitSelect units={units} />
          </Form.Item>
        </Col>
        {level && level !== 'city' && (
          <Col xs={24} md={12}>
            <Form.Item name="countyId" label={pick(L.countyOfService)} rules={[{ required: true }]}>
              <UnitSelect units={units.filter((u) => u.kind === 'county')} />
            </Form.Item>
          </Col>
        )}
        <Col xs={12} md={8}>
          <Form.Item name="legalDays" label={pick(L.legalDaysField)} rules={[{ required: true }]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="promisedDays"
            label={pick(L.promisedDaysField)}
            dependencies={['legalDays']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: async (_, value: number | undefined) => {
                  const legal = getFieldValue('legalDays') as number | undefined;
                  if (value !== undefined && value !== null && legal !== undefined && legal !== null && value > legal)
                    throw new Error(fill(pick(L.promiseAboveLegal), { n: legal }));
                },
              }),
            ]}
          >
            <InputNumber min={0} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="fee" label={pick(L.feeYuan)}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="flags" label={pick(L.channels)}>
        <Checkbox.Group options={options(FLAG_LABEL)} />
      </Form.Item>
      {flags.includes('park') && (
        <Form.Item name="parkBasis" label={pick(L.parkBasis)} rules={[{ required: true }]}>
          <Select options={options(PARK_BASIS_LABEL)} />
        </Form.Item>
      )}
      <Form.Item name="materials" label={pick(L.materials)} extra={pick(L.materialsHelp)}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="place" label={pick(L.where)}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="onlineUrl" label={pick(L.onlineUrl)} rules={[{ type: 'url' }]}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
