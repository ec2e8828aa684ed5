import { Card, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { LIMITS } from '../../../../src/common/limits.js';
import { $api, type ApiResponse } from '../../api/client.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { OUTCOME_LABELS, STAGE_LABELS, procurementLabels as L } from './labels.js';
import { ProcurementNav } from './nav.js';

type Case = ApiResponse<'/api/v1/procurement/cases'>['items'][number];

/** Cases 线索 → 核查 → 处理; a unit's users see the cases sent to their unit. */
export default function CasesPage() {
  const { pick } = useI18n();
  const navigate = useNavigate();
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>({ page: 1, pageSize: LIMITS.pageSize.default });
  const { data, isFetching } = $api.useQuery('get', '/api/v1/procurement/cases', { params: { query: paging } });
  return (
    <div>
      <Typography.Title level={3}>{pick(L.title)}</Typography.Title>
      <ProcurementNav />
      <Card title={pick(L.cases)}>
        <ResponsiveTable<Case>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          locale={{ emptyText: pick(L.noData) }}
          onRow={(c) => ({ onClick: () => navigate(`/procurement/cases/${c.id}`), style: { cursor: 'pointer' } })}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: data?.total ?? 0,
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          phoneColumns={['title', 'stage']}
          columns={[
            { title: pick(L.subject), dataIndex: 'title', key: 'title' },
            { title: pick(L.stage), key: 'stage', render: (_, c) => <StageTag stage={c.stage} outcome={c.outcome} /> },
            { title: pick(L.unit), dataIndex: 'unitName', render: (n: string | null) => n ?? '—' },
            {
              title: pick(L.deadline),
              key: 'deadline',
              render: (_, c) =>
                c.deadline ? (
                  <span>
                    {c.deadline}
                    {c.overdue && (
                      <Tag color="red" style={{ marginLeft: 6 }}>
                        {pick(L.overdue)}
                      </Tag>
                    )}
                  </span>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}

export function StageTag({ stage, outcome }: { stage: string; outcome: string | null }) {
  const { pick } = useI18n();
  const color = stage === 'disposed' ? (outcome === 'cleared' ? 'green' : 'red') : stage === 'verification' ? 'blue' : 'default';
  return (
    <Tag color={color}>
      {pick(STAGE_LABELS[stage] ?? { zh: stage, en: stage })}
      {outcome ? ` · ${pick(OUTCOME_LABELS[outcome] ?? { zh: outcome, en: outcome })}` : ''}
    </Tag>
  );
}
