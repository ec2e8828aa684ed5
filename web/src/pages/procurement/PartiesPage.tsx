import { Button, Card, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { LIMITS } from '../../../../src/common/limits.js';
import { $api, type ApiResponse } from '../../api/client.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { ROLE_LABELS, procurementLabels as L } from './labels.js';
import { ProcurementNav } from './nav.js';
import { FlagList } from './parts.js';

type Party = ApiResponse<'/api/v1/procurement/parties/flags'>['items'][number];
type Role = Party['role'];

/** Buyer- and procuring-entity-level red flags: who, in which role, and each flag with why, inputs and threshold. */
export default function PartiesPage() {
  const { pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const party = params.get('party') ?? undefined;
  const [role, setRole] = useState<Role | 'all'>('all');
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>({ page: 1, pageSize: LIMITS.pageSize.default });
  const query = { ...paging, ...(role === 'all' ? {} : { role }), ...(party ? { party } : {}) };
  const { data, isFetching } = $api.useQuery('get', '/api/v1/procurement/parties/flags', { params: { query } });
  return (
    <div>
      <Typography.Title level={3}>{pick(L.title)}</Typography.Title>
      <ProcurementNav />
      <Card title={pick(L.parties)}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{pick(L.partiesHint)}</Typography.Paragraph>
          <Space wrap>
            <Segmented
              value={role}
              onChange={(v) => {
                setRole(v as Role | 'all');
                setPaging((p) => ({ ...p, page: 1 }));
              }}
              options={[
                { value: 'all', label: pick(L.allRoles) },
                { value: 'Buyer', label: pick(ROLE_LABELS.Buyer!) },
                { value: 'ProcuringEntity', label: pick(ROLE_LABELS.ProcuringEntity!) },
              ]}
            />
            {party && (
              <Button size="small" onClick={() => setParams({})}>
                {party} ✕
              </Button>
            )}
          </Space>
          <ResponsiveTable<Party>
            rowKey={(p) => `${p.partyId}-${p.role}`}
            loading={isFetching}
            dataSource={data?.items ?? []}
            locale={{ emptyText: pick(L.noPartyFlags) }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: data?.total ?? 0,
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            }}
            phoneColumns={['party', 'why']}
            columns={[
              {
                title: pick(L.party),
                key: 'party',
                width: 220,
                render: (_, p) => (
                  <Space direction="vertical" size={2}>
                    {/* the name the OCDS file gave; the identifier stays visible to search other files by */}
                    <Typography.Text strong>{p.name ?? p.partyId}</Typography.Text>
                    {p.name && <Typography.Text type="secondary">{p.partyId}</Typography.Text>}
                    <Typography.Text type="secondary">{pick(ROLE_LABELS[p.role]!)}</Typography.Text>
                  </Space>
                ),
              },
              // every flag in full: why it fired, the inputs and the threshold
              { title: pick(L.why), key: 'why', render: (_, p) => <FlagList flags={p.flags} /> },
            ]}
          />
        </Space>
      </Card>
    </div>
  );
}
