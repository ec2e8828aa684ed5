import { Card, Input, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { LIMITS } from '../../../../src/common/limits.js';
import { $api, type ApiResponse } from '../../api/client.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { ImportButton } from './ImportModal.js';
import { procurementLabels as L } from './labels.js';
import { ProcurementNav } from './nav.js';
import { FlagTags, RiskTag } from './parts.js';

type Tender = ApiResponse<'/api/v1/procurement/tenders'>['items'][number];

/** The screened tenders, suspect and riskiest first, with the import and the monthly figures. */
export default function TendersPage() {
  const { pick } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const [suspectOnly, setSuspectOnly] = useState(false);
  const [q, setQ] = useState('');
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>({ page: 1, pageSize: LIMITS.pageSize.default });
  const query = { ...paging, q: q || undefined, suspect: suspectOnly ? ('true' as const) : undefined };
  const { data, isFetching } = $api.useQuery(
    'get',
    '/api/v1/procurement/tenders',
    { params: { query } },
    { enabled: can('procurement.read') },
  );
  const { data: figures } = $api.useQuery('get', '/api/v1/procurement/figures', {}, { enabled: can('procurement.read') });

  return (
    <div>
      <Typography.Title level={3}>{pick(L.title)}</Typography.Title>
      <ProcurementNav />
      <Card title={pick(L.tenders)} extra={can('procurement.import') && <ImportButton />} style={{ marginBottom: 16 }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={pick(L.search)}
            onSearch={(v) => (setQ(v.trim()), setPaging((p) => ({ ...p, page: 1 })))}
            style={{ width: 260 }}
          />
          <Space>
            <Switch
              checked={suspectOnly}
              onChange={(v) => (setSuspectOnly(v), setPaging((p) => ({ ...p, page: 1 })))}
              aria-label={pick(L.onlySuspect)}
            />
            {pick(L.onlySuspect)}
          </Space>
        </Space>
        <ResponsiveTable<Tender>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          locale={{ emptyText: pick(L.noData) }}
          onRow={(t) => ({ onClick: () => navigate(`/procurement/tenders/${t.id}`), style: { cursor: 'pointer' } })}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: data?.total ?? 0,
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          phoneColumns={['key', 'risk']}
          columns={[
            {
              title: pick(L.tender),
              dataIndex: 'key',
              key: 'key',
              render: (k: string, t) => (
                <a href={`/procurement/tenders/${t.id}`} onClick={(e) => e.preventDefault()}>
                  {k}
                </a>
              ),
            },
            { title: pick(L.tenderTitle), dataIndex: 'title' },
            { title: pick(L.bidDate), dataIndex: 'bidDate' },
            { title: pick(L.bidCount), dataIndex: 'bidCount' },
            { title: pick(L.risk), dataIndex: 'risk', key: 'risk', render: (r: number, t) => <RiskTag risk={r} suspect={t.suspect} /> },
            { title: pick(L.flags), dataIndex: 'flagCodes', render: (c: string[]) => <FlagTags codes={c} /> },
          ]}
        />
      </Card>
      <Card title={pick(L.figures)}>
        {figures?.months.length ? (
          <Table
            size="small"
            rowKey="month"
            pagination={false}
            scroll={{ x: true }}
            dataSource={figures.months}
            columns={[
              { title: pick(L.month), dataIndex: 'month' },
              { title: pick(L.tendersScreened), dataIndex: 'tendersScreened' },
              { title: pick(L.lotsFlagged), dataIndex: 'lotsFlagged' },
              { title: pick(L.biddersFlagged), dataIndex: 'biddersFlagged' },
              { title: pick(L.remoteEvaluations), dataIndex: 'remoteEvaluations' },
              { title: pick(L.expertPool), dataIndex: 'expertPool', render: (v: number | null) => v ?? '—' },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{pick(L.noData)}</Typography.Text>
        )}
      </Card>
    </div>
  );
}
