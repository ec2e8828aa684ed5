import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { $api, client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { UnitSelect, useUnits } from '../../components/UnitSelect.js';
import { fill } from '../../components/format.js';
import { useI18n } from '../../i18n.js';
import { LEVEL_LABEL, POINT_LABEL, ROUND_ACTION_LABEL, servicesLabels as L } from './labels.js';

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

type Labels = Record<string, { zh: string; en: string }>;
function useOptions() {
  const { pick } = useI18n();
  return (labels: Labels) => Object.entries(labels).map(([value, l]) => ({ value, label: pick(l) }));
}

interface RoundFields {
  name: string;
  effectiveOn: Dayjs;
  note?: string;
  changes: {
    code: string;
    action: 'removed' | 'merged' | 'delegated';
    intoCode?: string;
    toLevel?: 'county' | 'township';
    reason: string;
  }[];
}

/** A streamlining round: the services it removes, merges or delegates, each with its reason. */
export function RoundFormModal({ onClose }: { onClose: () => void }) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const options = useOptions();
  const [form] = Form.useForm<RoundFields>();
  const changes = Form.useWatch('changes', form) ?? [];
  const submit = async (v: RoundFields) => {
    const r = await ok(
      client.POST('/api/v1/services/rounds', {
        body: {
          name: v.name,
          effectiveOn: v.effectiveOn.format('YYYY-MM-DD'),
          note: v.note || null,
          changes: v.changes.map((c) => ({
            code: c.code,
            action: c.action,
            intoCode: c.action === 'merged' ? (c.intoCode ?? null) : null,
            toLevel: c.action === 'delegated' ? (c.toLevel ?? null) : null,
            reason: c.reason,
          })),
        },
      }),
    );
    message.success(fill(pick(L.roundSaved), { before: r.beforeCount, after: r.afterCount }));
    onClose();
  };
  return (
    <FormModal<RoundFields>
      title={pick(L.newRound)}
      form={form}
      width={760}
      initialValues={{ effectiveOn: dayjs().startOf('day'), changes: [{ code: '', action: 'removed', reason: '' }] }}
      onSubmit={submit}
      onCancel={onClose}
    >
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <Form.Item name="name" label={pick(L.roundName)} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="effectiveOn" label={pick(L.effectiveOn)} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={pick(L.note)}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.List name="changes">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 8 }}
                title={`${pick(L.changes)} ${i + 1}`}
                extra={
                  fields.length > 1 && (
                    <Button type="text" size="small" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)}>
                      {pick(L.remove)}
                    </Button>
                  )
                }
              >
                <Row gutter={8}>
                  <Col xs={12} md={8}>
                    <Form.Item name={[f.name, 'code']} label={pick(L.code)} rules={[{ required: true }]}>
                      <Input maxLength={60} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={8}>
                    <Form.Item name={[f.name, 'action']} label={pick(L.action)} rules={[{ required: true }]}>
                      <Select options={options(ROUND_ACTION_LABEL)} />
                    </Form.Item>
                  </Col>
                  {changes[i]?.action === 'merged' && (
                    <Col xs={24} md={8}>
                      <Form.Item name={[f.name, 'intoCode']} label={pick(L.intoCode)} rules={[{ required: true }]}>
                        <Input maxLength={60} />
                      </Form.Item>
                    </Col>
                  )}
                  {changes[i]?.action === 'delegated' && (
                    <Col xs={24} md={8}>
                      <Form.Item name={[f.name, 'toLevel']} label={pick(L.toLevel)} rules={[{ required: true }]}>
                        <Select options={options({ county: LEVEL_LABEL.county!, township: LEVEL_LABEL.township! })} />
                      </Form.Item>
                    </Col>
                  )}
                </Row>
                <Form.Item name={[f.name, 'reason']} label={pick(L.reason)} rules={[{ required: true }]}>
                  <Input maxLength={500} />
                </Form.Item>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ code: '', action: 'removed', reason: '' })}>
              {pick(L.addChange)}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

interface PointFields {
  kind: 'centre' | 'window' | 'park' | 'township' | 'village' | 'bank';
  name: string;
  countyId: number;
  allInOne?: boolean;
  enterpriseZone?: boolean;
  address: string;
  hours: string;
  services?: string;
}

/** A service point of the network: its county, address, opening hours and the services it offers. */
export function PointFormModal({ onClose }: { onClose: () => void }) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const options = useOptions();
  const units = useUnits();
  const [form] = Form.useForm<PointFields>();
  const kind = Form.useWatch('kind', form);
  const submit = async (v: PointFields) => {
    await ok(
      client.POST('/api/v1/services/network', {
        body: {
          kind: v.kind,
          name: v.name,
          countyId: v.countyId,
          parentId: null,
          allInOne: v.kind === 'window' && Boolean(v.allInOne),
          enterpriseZone: v.kind === 'centre' && Boolean(v.enterpriseZone),
          address: v.address,
          hours: v.hours,
          services: lines(v.services),
        },
      }),
    );
    message.success(pick(L.created));
    onClose();
  };
  return (
    <FormModal<PointFields> title={pick(L.newPoint)} form={form} initialValues={{ kind: 'village' }} onSubmit={submit} onCancel={onClose}>
      <Form.Item name="kind" label={pick(L.pointKind)} rules={[{ required: true }]}>
        <Select options={options(POINT_LABEL)} />
      </Form.Item>
      <Form.Item name="name" label={pick(L.pointName)} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="countyId" label={pick(L.county)} rules={[{ required: true }]}>
        <UnitSelect units={units.filter((u) => u.kind === 'county')} />
      </Form.Item>
      {kind === 'window' && (
        <Form.Item name="allInOne" valuePropName="checked">
          <Checkbox>{pick(L.isAllInOne)}</Checkbox>
        </Form.Item>
      )}
      {kind === 'centre' && (
        <Form.Item name="enterpriseZone" valuePropName="checked">
          <Checkbox>{pick(L.isZone)}</Checkbox>
        </Form.Item>
      )}
      <Form.Item name="address" label={pick(L.address)} rules={[{ required: true }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="hours" label={pick(L.hours)} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="services" label={pick(L.servicesOffered)} extra={pick(L.linesHelp)}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

interface AssistantFields {
  name: string;
  unitId: number;
  pointId?: number;
  phone?: string;
  ratingCode?: string;
}

/** An assistant (帮办代办员): unit, service point, and the demand desk's rating code if the desk issued one. */
export function AssistantFormModal({ onClose }: { onClose: () => void }) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const units = useUnits();
  const [form] = Form.useForm<AssistantFields>();
  const points = $api.useQuery('get', '/api/v1/services/network', { params: { query: { pageSize: 500 } } });
  const submit = async (v: AssistantFields) => {
    await ok(
      client.POST('/api/v1/services/assistants', {
        body: {
          name: v.name,
          unitId: v.unitId,
          pointId: v.pointId ?? null,
          phone: v.phone || null,
          ratingCode: v.ratingCode || null,
        },
      }),
    );
    message.success(pick(L.created));
    onClose();
  };
  return (
    <FormModal<AssistantFields> title={pick(L.newAssistant)} form={form} onSubmit={submit} onCancel={onClose}>
      <Form.Item name="name" label={pick(L.assistantName)} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="unitId" label={pick(L.assistantUnit)} rules={[{ required: true }]}>
        <UnitSelect units={units} />
      </Form.Item>
      <Form.Item name="pointId" label={pick(L.assistantPoint)}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={(points.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.countyName} · ${p.name}` }))}
        />
      </Form.Item>
      <Form.Item name="phone" label={pick(L.phone)}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="ratingCode" label={pick(L.ratingCode)} extra={pick(L.ratingCodeHelp)}>
        <Input maxLength={20} />
      </Form.Item>
    </FormModal>
  );
}
