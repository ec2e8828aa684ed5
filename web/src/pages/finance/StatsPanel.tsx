import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { LoanStat, ReturnPreview } from '../../../../src/common/schemas/finance.js';
import { $api, apiUrl, client, ok, upload } from '../../api/client.js';
import { fill } from '../../components/format.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { Chart } from '../indicators/charts.js';
import { financeLabels as L, yuanText } from './labels.js';
import { ExportButton } from './parts.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)}%`);
const yi = (fen: number) => Math.round(fen / 1e8) / 100;

/** Loan balances by month from the banks' returns, against the region, with the import of a return. */
export default function StatsPanel() {
  const { pick, lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const { data } = $api.useQuery('get', '/api/v1/finance/stats');
  const months = (data?.items ?? []).filter((s) => s.banks > 0);
  const columns = [
    { key: 'period', title: pick(L.period), dataIndex: 'period' },
    {
      key: 'balance',
      title: pick(L.balance),
      align: 'right' as const,
      render: (_: unknown, s: LoanStat) => (s.banks ? yuanText(s.balanceFen, lang) : '—'),
    },
    {
      key: 'private',
      title: pick(L.privateLoans),
      align: 'right' as const,
      render: (_: unknown, s: LoanStat) => (s.banks ? yuanText(s.privateFen, lang) : '—'),
    },
    {
      key: 'sme',
      title: pick(L.smeLoans),
      align: 'right' as const,
      render: (_: unknown, s: LoanStat) => (s.banks ? yuanText(s.smeFen, lang) : '—'),
    },
    { key: 'share', title: pick(L.privateShare), render: (_: unknown, s: LoanStat) => pct(s.privateShare) },
    { key: 'region', title: pick(L.ofRegion), render: (_: unknown, s: LoanStat) => pct(s.privateOfRegion) },
    {
      key: 'post',
      title: '',
      render: (_: unknown, s: LoanStat) =>
        can('finance.manage') &&
        s.banks > 0 && (
          <Button
            size="small"
            onClick={() =>
              ok(client.POST('/api/v1/finance/stats/{period}/indicators', { params: { path: { period: s.period } } })).then(
                () => message.success(pick(L.posted)),
                report,
              )
            }
            aria-label={`${pick(L.postIndicators)} ${s.period}`}
          >
            {pick(L.postIndicators)}
          </Button>
        ),
    },
    {
      key: 'source',
      title: pick(L.source),
      render: (_: unknown, s: LoanStat) =>
        [pick({ zh: s.source.split(' / ')[0] ?? '', en: s.source.split(' / ')[1] ?? '' }), s.region?.source].filter(Boolean).join('；'),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={pick(L.chart)}>
        {months.length ? (
          <Chart
            label={pick(L.chart)}
            option={{
              tooltip: { trigger: 'axis' },
              legend: {},
              grid: { left: 48, right: 16, bottom: 32 },
              xAxis: { type: 'category', data: months.map((m) => m.period) },
              yAxis: { type: 'value' },
              series: [
                { name: pick(L.balance), type: 'line', data: months.map((m) => yi(m.balanceFen)) },
                { name: pick(L.privateLoans), type: 'line', data: months.map((m) => yi(m.privateFen)) },
                { name: pick(L.smeLoans), type: 'line', data: months.map((m) => yi(m.smeFen)) },
              ],
            }}
          />
        ) : (
          <Typography.Text type="secondary">{pick(L.noChart)}</Typography.Text>
        )}
      </Card>
      <Space wrap>
        {can('finance.credit.record') && <ReturnImport />}
        <ExportButton list="stats" />
      </Space>
      <ResponsiveTable<LoanStat>
        rowKey="period"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={!data}
        pagination={false}
        phoneColumns={['period', 'balance']}
        locale={{ emptyText: pick(L.none) }}
      />
    </Space>
  );
}

/** Upload → preview (problems by cell) → import, all or nothing. */
export function ReturnImport() {
  const { pick, lang } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ReturnPreview | null>(null);
  const send = async (f: File, mode: 'preview' | 'commit') => {
    const body = new FormData();
    body.append('file', f);
    return upload('/api/v1/finance/returns', body, { query: { mode } });
  };
  return (
    <Space direction="vertical">
      <Space wrap>
        <Button href={apiUrl('/api/v1/finance/returns/template.xlsx')} download>
          {pick(L.template)}
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(f) => {
            setFile(f);
            send(f, 'preview').then(setPreview, report);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{pick(L.importReturn)}</Button>
        </Upload>
      </Space>
      {preview && preview.problems.length > 0 && (
        <Alert
          type="error"
          message={fill(pick(L.previewBad), { n: preview.problems.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {preview.problems.map((p, k) => (
                <li key={k}>{`${p.path ?? ''} ${p.message}`}</li>
              ))}
            </ul>
          }
        />
      )}
      {preview && !preview.problems.length && !preview.imported && (
        <Alert
          type="info"
          message={fill(pick(L.previewOk), {
            bank: preview.bank?.name ?? '',
            period: preview.period,
            rows: preview.rows,
            balance: yuanText(preview.balanceFen, lang),
          })}
          action={
            <Button
              type="primary"
              size="small"
              onClick={() =>
                file &&
                send(file, 'commit').then((r) => {
                  setPreview(r);
                  message.success(pick(L.imported));
                }, report)
              }
            >
              {pick(L.commit)}
            </Button>
          }
        />
      )}
    </Space>
  );
}
