import { Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CASE_OUTCOMES } from '../../../../src/common/schemas/procurement.js';
import { $api, client, ok, queryClient } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { PLEASE_CHOOSE } from '../../components/format.js';
import { UnitSelect, useUnits } from '../../components/UnitSelect.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { StageTag } from './CasesPage.js';
import { EVENT_LABELS, OUTCOME_LABELS, procurementLabels as L } from './labels.js';
import { ProcurementNav } from './nav.js';

/** One case: its subject, stage and timeline, and the step the user may take next. */
export default function CasePage() {
  const { id = '' } = useParams();
  const { pick } = useI18n();
  const { can } = useSession();
  const report = useReportError();
  const units = useUnits();
  const [busy, setBusy] = useState(false);
  const [verifyForm] = Form.useForm<{ unitId: number; workdays: number; note?: string }>();
  const [evidenceForm] = Form.useForm<{ note: string }>();
  const [outcomeForm] = Form.useForm<{ outcome: (typeof CASE_OUTCOMES)[number]; note: string }>();
  const queryOptions = $api.queryOptions('get', '/api/v1/procurement/cases/{id}', { params: { path: { id } } });
  const { data: c } = $api.useQuery('get', '/api/v1/procurement/cases/{id}', { params: { path: { id } } });
  if (!c) return null;

  const act = async (form: { resetFields(): void } & Parameters<typeof report>[1], call: () => Promise<unknown>) => {
    setBusy(true);
    try {
      const next = await call();
      queryClient.setQueryData(queryOptions.queryKey, next as typeof c);
      form?.resetFields();
    } catch (err) {
      report(err, form);
    } finally {
      setBusy(false);
    }
  };
  const path = { id: String(c.id) };
  const manage = can('procurement.cases.manage');

  return (
    <div>
      <Typography.Title level={3}>{c.title}</Typography.Title>
      <ProcurementNav />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={pick(L.stage)}>
            <StageTag stage={c.stage} outcome={c.outcome} />
          </Descriptions.Item>
          <Descriptions.Item label={pick(L.subject)}>
            {c.tenderId ? (
              <Link to={`/procurement/tenders/${c.tenderId}`}>{c.title}</Link>
            ) : (
              c.members.map((m) => (
                <Link key={m} to={`/procurement/bidders/${encodeURIComponent(m)}`} style={{ marginRight: 8 }}>
                  {m}
                </Link>
              ))
            )}
          </Descriptions.Item>
          <Descriptions.Item label={pick(L.unit)}>{c.unitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={pick(L.deadline)}>{c.deadline ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      {c.stage === 'lead' && manage && (
        <Card title={pick(L.sendToVerify)} style={{ marginBottom: 16 }}>
          <Form
            form={verifyForm}
            name="verify"
            layout="vertical"
            initialValues={{ workdays: 10 }}
            onFinish={(v) =>
              act(verifyForm, () =>
                ok(client.POST('/api/v1/procurement/cases/{id}/verify', { params: { path }, body: { ...v, version: c.version } })),
              )
            }
          >
            <Form.Item name="unitId" label={pick(L.unit)} rules={[{ required: true }]}>
              <UnitSelect units={units} />
            </Form.Item>
            <Form.Item name="workdays" label={pick(L.workdays)} rules={[{ required: true }]}>
              <InputNumber min={1} max={60} />
            </Form.Item>
            <Form.Item name="note" label={pick(L.note)}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {pick(L.sendToVerify)}
            </Button>
          </Form>
        </Card>
      )}
      {c.stage !== 'disposed' && can('procurement.cases.evidence') && (
        <Card title={pick(L.addEvidence)} style={{ marginBottom: 16 }}>
          <Form
            form={evidenceForm}
            name="evidence"
            layout="vertical"
            onFinish={(v) =>
              act(evidenceForm, () => ok(client.POST('/api/v1/procurement/cases/{id}/evidence', { params: { path }, body: v })))
            }
          >
            <Form.Item name="note" label={pick(L.note)} rules={[{ required: true }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button htmlType="submit" loading={busy}>
              {pick(L.addEvidence)}
            </Button>
          </Form>
        </Card>
      )}
      {c.stage !== 'disposed' && manage && (
        <Card title={pick(L.recordOutcome)} style={{ marginBottom: 16 }}>
          <Form
            form={outcomeForm}
            name="outcome"
            layout="vertical"
            onFinish={(v) =>
              act(outcomeForm, () =>
                ok(client.POST('/api/v1/procurement/cases/{id}/outcome', { params: { path }, body: { ...v, version: c.version } })),
              )
            }
          >
            <Form.Item name="outcome" label={pick(L.outcome)} rules={[{ required: true }]}>
              <Select
                placeholder={pick(PLEASE_CHOOSE)}
                options={CASE_OUTCOMES.map((o) => ({ value: o, label: pick(OUTCOME_LABELS[o]!) }))}
              />
            </Form.Item>
            <Form.Item name="note" label={pick(L.note)} rules={[{ required: true }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button type="primary" danger htmlType="submit" loading={busy}>
              {pick(L.recordOutcome)}
            </Button>
          </Form>
        </Card>
      )}
      <Card title={pick(L.timeline)}>
        <Timeline
          items={c.events.map((e) => ({
            key: e.id,
            children: (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>
                  {pick(EVENT_LABELS[e.kind] ?? { zh: e.kind, en: e.kind })} · {e.actorName ?? ''} ·{' '}
                  {new Date(e.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}
                </Typography.Text>
                {e.note && <Typography.Text>{e.note}</Typography.Text>}
              </Space>
            ),
          }))}
        />
      </Card>
    </div>
  );
}
