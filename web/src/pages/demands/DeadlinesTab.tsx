import { Alert, App, Button, Card, Form, InputNumber, Space } from 'antd';
import { useEffect, useState } from 'react';
import { DEMAND_TYPES, type DemandType } from '../../../../src/common/schemas/demands.js';
import { $api, client, ok } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { TYPE_LABELS } from './labels.js';
import { settingsLabels as L } from './settings.labels.js';

interface DeadlineForm {
  signForHours: number;
  reopenDays: number;
  days: Record<DemandType, number>;
}

/** 办理时限: sign-for hours, handling days per type and rectification days, on the working calendar. */
export function DeadlinesTab() {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const { data, refetch } = $api.useQuery('get', '/api/v1/demands/deadlines');
  const [form] = Form.useForm<DeadlineForm>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (data)
      form.setFieldsValue({ signForHours: data.signForHours, reopenDays: data.reopenDays, days: data.days as Record<DemandType, number> });
  }, [data, form]);
  const save = async (v: DeadlineForm) => {
    if (!data) return;
    setBusy(true);
    try {
      await ok(client.PUT('/api/v1/demands/deadlines', { body: { ...v, version: data.version } }));
      message.success(pick(L.saved));
      await refetch();
    } catch (err) {
      report(err, form);
    } finally {
      setBusy(false);
    }
  };
  const number = (max: number) => <InputNumber min={1} max={max} precision={0} style={{ width: 120 }} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" message={pick(L.deadlinesHelp)} />
      <Card size="small" style={{ maxWidth: 560 }}>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="signForHours" label={pick(L.signForHours)} rules={[{ required: true }]}>
            {number(40)}
          </Form.Item>
          {DEMAND_TYPES.map((t) => (
            <Form.Item key={t} name={['days', t]} label={`${pick(TYPE_LABELS[t])} · ${pick(L.daysOf)}`} rules={[{ required: true }]}>
              {number(60)}
            </Form.Item>
          ))}
          <Form.Item name="reopenDays" label={pick(L.reopenDays)} rules={[{ required: true }]}>
            {number(60)}
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!data}>
            {pick({ zh: '保存', en: 'Save' })}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
