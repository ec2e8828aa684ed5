import { Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { KPI_DIMENSIONS } from '../../../../src/common/schemas/demands.js';
import { $api, type ApiResponse, apiUrl } from '../../api/client.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { demandLabels } from './labels.js';

type Row = ApiResponse<'/api/v1/demands/kpi'>['rows'][number];
type By = (typeof KPI_DIMENSIONS)[number];
const BY_LABELS: Record<By, { zh: string; en: string }> = {
  unit: demandLabels.unit,
  specialist: { zh: '企业服务专员', en: 'Specialist' },
  subject: demandLabels.subject,
  channel: demandLabels.channel,
  month: demandLabels.month,
};
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

/** 办理指标: the desk's rates per unit, specialist, subject, channel or month, exportable to Excel. */
export default function KpiPage() {
  const { pick } = useI18n();
  const [by, setBy] = useState<By>('unit');
  const { data, isFetching } = $api.useQuery('get', '/api/v1/demands/kpi', { params: { query: { by } } });
  const columns = [
    { key: 'label', title: pick(BY_LABELS[by]), dataIndex: 'label' },
    { key: 'tickets', title: pick(demandLabels.tickets_n), dataIndex: 'tickets', align: 'right' as const },
    { key: 'sign', title: pick(demandLabels.signRate), render: (_: unknown, r: Row) => pct(r.signRate), align: 'right' as const },
    { key: 'onTime', title: pick(demandLabels.onTimeRate), render: (_: unknown, r: Row) => pct(r.onTimeRate), align: 'right' as const },
    {
      key: 'first',
      title: pick(demandLabels.firstContactRate),
      render: (_: unknown, r: Row) => pct(r.firstContactRate),
      align: 'right' as const,
    },
    { key: 'follow', title: pick(demandLabels.followUpRate), render: (_: unknown, r: Row) => pct(r.followUpRate), align: 'right' as const },
    {
      key: 'sat',
      title: pick(demandLabels.satisfactionRate),
      render: (_: unknown, r: Row) => pct(r.satisfactionRate),
      align: 'right' as const,
    },
    { key: 'reopen', title: pick(demandLabels.reopenRate), render: (_: unknown, r: Row) => pct(r.reopenRate), align: 'right' as const },
    {
      key: 'hours',
      title: pick(demandLabels.avgHours),
      render: (_: unknown, r: Row) => (r.avgHandlingHours === null ? '—' : r.avgHandlingHours.toFixed(1)),
      align: 'right' as const,
    },
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {pick(demandLabels.kpi)}
      </Typography.Title>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          {pick(demandLabels.by)}
          <Select
            aria-label={pick(demandLabels.by)}
            style={{ width: 160 }}
            value={by}
            onChange={setBy}
            options={KPI_DIMENSIONS.map((d) => ({ value: d, label: pick(BY_LABELS[d]) }))}
          />
          <Button href={apiUrl('/api/v1/demands/kpi/export', { query: { by } })}>{pick(demandLabels.export)}</Button>
        </Space>
        {data && data.rows.length === 0 ? (
          <Typography.Paragraph>{pick(demandLabels.noKpiData)}</Typography.Paragraph>
        ) : (
          <ResponsiveTable<Row>
            rowKey="key"
            loading={isFetching}
            columns={columns}
            dataSource={data?.rows ?? []}
            phoneColumns={['label', 'sat']}
            pagination={false}
          />
        )}
      </Card>
    </Space>
  );
}
