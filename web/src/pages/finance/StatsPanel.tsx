import { App, Button, Card, Space, Typography } from 'antd';
import type { LoanStat, ReturnPreview } from '../../../../src/common/schemas/finance.js';
import { $api, apiUrl, client, ok, upload } from '../../api/client.js';
import { fill } from '../../components/format.js';
import { ImportFlow } from '../../components/ImportFlow.js';
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
  const counted = (r: ReturnPreview) =>
    fill(pick(L.previewOk), { bank: r.bank?.name ?? '', period: r.period, rows: r.rows, balance: yuanText(r.balanceFen, lang) });
  return (
    <Space wrap>
      <Button href={apiUrl('/api/v1/finance/returns/template.xlsx')} download>
        {pick(L.template)}
      </Button>
      <ImportFlow<ReturnPreview>
        label={pick(L.importReturn)}
        accept=".xlsx"
        send={(form, commit) => upload('/api/v1/finance/returns', form, { query: { mode: commit ? 'commit' : 'preview' } })}
        problemsIn={(r) => r.problems}
        summary={counted}
        done={(r) => `${pick(L.imported)}${lang === 'en' ? ': ' : '：'}${counted(r)}`}
      />
    </Space>
  );
}
