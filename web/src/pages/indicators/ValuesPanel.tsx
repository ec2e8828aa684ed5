import { Button, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import type { CatalogueView, ValueView } from '../../../../src/common/schemas/indicators.js';
import { $api, client } from '../../api/client.js';
import { UnitSelect, useUnits } from '../../components/UnitSelect.js';
import { useReportError } from '../../components/feedback.js';
import { measureUnit, withUnit } from '../../../../src/common/measure-units.js';
import { fmtNumber } from '../../components/format.js';
import { pickBilingual, useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { Chart } from './charts.js';
import { indicatorLabels } from './labels.js';
import { ValuesImport } from './ValuesImport.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';

/** One KPI of one unit over time: table with source and evidence, trend chart with targets. */
export function ValuesPanel({ catalogue }: { catalogue: CatalogueView }) {
  const { pick, lang } = useI18n();
  const { user, can } = useSession();
  const report = useReportError();
  const units = useUnits();
  const kpis = catalogue.indicators.filter((i) => i.kind === 'kpi');
  const [indicatorId, setIndicatorId] = useState<number | undefined>(kpis[0]?.id);
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const effectiveUnit = unitId ?? user.unitId ?? units.find((u) => u.kind === 'city')?.id;
  const chosen = { enabled: indicatorId !== undefined && effectiveUnit !== undefined };
  const query = { indicatorId: String(indicatorId ?? ''), unitId: String(effectiveUnit ?? '') };
  const { data } = $api.useQuery('get', '/api/v1/indicators/values', { params: { query } }, chosen);
  const { data: targets } = $api.useQuery('get', '/api/v1/indicators/targets', { params: { query } }, chosen);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const kpi = kpis.find((k) => k.id === indicatorId);
  const rows = data ?? [];
  // The chart runs over every period with a value or a target, so future targets show as well.
  const periods = [...new Set([...rows.map((r) => r.period), ...(targets ?? []).map((t) => t.period)])].sort();
  const valueAt = new Map(rows.map((r) => [r.period, r.value]));
  const targetAt = new Map((targets ?? []).map((t) => [t.period, t.target]));
  const canWrite = can('indicators.manage');

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await client.POST('/api/v1/indicators/values', { body: { ...v, indicatorId, unitId: effectiveUnit } });
      setOpen(false);
      form.resetFields();
    } catch (err) {
      report(err, form);
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<number>
          aria-label={pick(indicatorLabels.kpi)}
          style={{ width: 320 }}
          value={indicatorId}
          onChange={setIndicatorId}
          options={kpis.map((k) => ({ value: k.id, label: lang === 'en' ? k.nameEn : k.nameZh }))}
        />
        <UnitSelect
          aria-label={pick(indicatorLabels.unit)}
          style={{ width: 280 }}
          units={units}
          value={effectiveUnit}
          onChange={(v) => setUnitId(v ?? undefined)}
        />
        {canWrite && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {pick(indicatorLabels.addValue)}
          </Button>
        )}
        {canWrite && <ValuesImport />}
      </Space>
      <Chart
        label={pick(indicatorLabels.values)}
        summary={
          `${pick(indicatorLabels.trendSummary)}: ` +
          periods
            .map(
              (p) =>
                `${p} ${pick(indicatorLabels.value)} ${valueAt.get(p) ?? '—'}` +
                `${targetAt.has(p) ? ` ${pick(indicatorLabels.target)} ${targetAt.get(p)}` : ''}`,
            )
            .join('; ')
        }
        option={{
          tooltip: { trigger: 'axis' },
          legend: { data: [pick(indicatorLabels.value), pick(indicatorLabels.target)] },
          xAxis: { type: 'category', data: periods, axisLabel: { interval: 0 } },
          yAxis: { type: 'value', name: pick(measureUnit(kpi?.unitOfMeasure)) },
          series: [
            { name: pick(indicatorLabels.value), type: 'line', data: periods.map((p) => valueAt.get(p) ?? null) },
            {
              name: pick(indicatorLabels.target),
              type: 'line',
              lineStyle: { type: 'dashed' },
              // A target reads with its value beside the point, as the office writes it on a chart.
              label: { show: true, position: 'top' },
              data: periods.map((p) => targetAt.get(p) ?? null),
            },
          ],
        }}
      />
      <ResponsiveTable<ValueView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        aria-label={pick(indicatorLabels.values)}
        columns={[
          { title: pick(indicatorLabels.period), dataIndex: 'period' },
          {
            title: pick(indicatorLabels.value),
            align: 'right',
            render: (_, r) => withUnit(fmtNumber(r.value, 2), measureUnit(kpi?.unitOfMeasure), lang === 'en' ? 'en' : 'zh'),
          },
          { title: pick(indicatorLabels.target), dataIndex: 'target' },
          {
            title: pick(indicatorLabels.source),
            render: (_, r) => (r.synthetic ? <Tag color="orange">{pick(indicatorLabels.synthetic)}</Tag> : pickBilingual(lang, r.source)),
          },
          { title: pick(indicatorLabels.evidence), dataIndex: 'evidence', ellipsis: true },
        ]}
      />
      <Modal open={open} title={pick(indicatorLabels.addValue)} onOk={submit} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item
            name="period"
            label={pick(indicatorLabels.period)}
            rules={[{ required: true, pattern: /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/ }]}
          >
            <Input placeholder="2025 / 2025-Q1 / 2025-03" />
          </Form.Item>
          <Form.Item name="value" label={pick(indicatorLabels.value)} rules={[{ required: true }]}>
            <InputNumber style={{ width: '100%' }} addonAfter={pick(measureUnit(kpi?.unitOfMeasure)) || undefined} />
          </Form.Item>
          <Form.Item name="source" label={pick(indicatorLabels.source)} rules={[{ required: true, max: 300 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="evidence" label={pick(indicatorLabels.evidence)}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
