import { Card, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { LIMITS } from '../../../../src/common/limits.js';
import { $api, type ApiResponse } from '../../api/client.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { procurementLabels as L } from './labels.js';
import { ProcurementNav } from './nav.js';
import { FlagTags, RiskTag } from './parts.js';

type Group = ApiResponse<'/api/v1/procurement/groups'>['items'][number];

/** Bidder groups tied by collusion signals, riskiest first. */
export default function GroupsPage() {
  const { pick } = useI18n();
  const navigate = useNavigate();
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>({ page: 1, pageSize: LIMITS.pageSize.default });
  const { data, isFetching } = $api.useQuery('get', '/api/v1/procurement/groups', { params: { query: paging } });
  return (
    <div>
      <Typography.Title level={3}>{pick(L.title)}</Typography.Title>
      <ProcurementNav />
      <Card title={pick(L.groups)}>
        <ResponsiveTable<Group>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          locale={{ emptyText: pick(L.noData) }}
          onRow={(g) => ({ onClick: () => navigate(`/procurement/groups/${g.id}`), style: { cursor: 'pointer' } })}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: data?.total ?? 0,
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          phoneColumns={['members', 'risk']}
          columns={[
            { title: pick(L.members), key: 'members', render: (_, g) => g.members.map((m) => m.name ?? m.bidderId).join('、') },
            { title: pick(L.risk), dataIndex: 'risk', key: 'risk', render: (r: number) => <RiskTag risk={r} /> },
            { title: pick(L.jointTenders), dataIndex: 'tenders' },
            { title: pick(L.flags), key: 'flags', render: (_, g) => <FlagTags codes={g.flags.map((f) => f.code)} /> },
          ]}
        />
      </Card>
    </div>
  );
}
