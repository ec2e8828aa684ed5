import { AutoComplete, Button, Card, DatePicker, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { LIMITS } from '../../../../src/common/limits.js';
import { $api, type ApiResponse } from '../../api/client.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { AuditDiff } from './AuditDiff.js';
import { auditActionLabel, auditEntityLabel } from './auditLabels.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';

type AuditPage = ApiResponse<'/api/v1/audit'>;
type AuditView = AuditPage['items'][number];

interface Filters {
  actorId?: number;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
}

const KNOWN_ENTITIES = ['user', 'unit'];

/** Admin and office: every write with who, when, what; filters and a before/after diff per row. */
export default function AuditPage() {
  const { t, lang } = useI18n();
  const l = lang === 'en' ? 'en' : 'zh';
  const { can } = useSession();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>({ page: 1, pageSize: LIMITS.pageSize.default });
  const query = { ...filters, actorId: filters.actorId === undefined ? undefined : String(filters.actorId), ...paging };
  const { data, isFetching } = $api.useQuery('get', '/api/v1/audit', { params: { query } });
  const { data: users } = $api.useQuery('get', '/api/v1/users', {}, { enabled: can('users.manage') });

  // Office staff cannot list users, so actor choices also come from the rows seen so far.
  const [seenActors, setSeenActors] = useState<Map<number, string>>(new Map());
  const [seen, setSeen] = useState<{ entities: Set<string>; actions: Set<string> }>({
    entities: new Set(KNOWN_ENTITIES),
    actions: new Set(),
  });
  const [seenPage, setSeenPage] = useState<AuditPage | undefined>(undefined);
  if (data && data !== seenPage) {
    // Derived from each new page during render (React's pattern for state that follows props).
    setSeenPage(data);
    const actors = new Map(seenActors);
    for (const r of data.items) if (r.actorId && !actors.has(r.actorId)) actors.set(r.actorId, r.actorName ?? `#${r.actorId}`);
    setSeenActors(actors);
    setSeen({
      entities: new Set([...seen.entities, ...data.items.map((r) => r.entity)]),
      actions: new Set([...seen.actions, ...data.items.map((r) => r.action)]),
    });
  }
  const actors = new Map(seenActors);
  for (const u of users ?? []) actors.set(u.id, `${u.displayName} (${u.username})`);

  const setFilter = (f: Partial<Filters>) => {
    const changed = (Object.keys(f) as (keyof Filters)[]).some((k) => f[k] !== filters[k]);
    if (!changed) return;
    setFilters((old) => ({ ...old, ...f }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const onDates = (range: [Dayjs | null, Dayjs | null] | null) =>
    setFilter({ from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined });

  return (
    <Card title={t('audit.title')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<number>
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('audit.actor')}
          aria-label={t('audit.actor')}
          style={{ width: 220 }}
          value={filters.actorId}
          onChange={(actorId) => setFilter({ actorId })}
          options={[...actors].map(([value, label]) => ({ value, label }))}
        />
        <AutoComplete
          allowClear
          placeholder={t('audit.entity')}
          aria-label={t('audit.entity')}
          style={{ width: 140 }}
          options={[...seen.entities].map((value) => ({ value, label: auditEntityLabel(value, l) }))}
          onSelect={(entity: string) => setFilter({ entity })}
          onChange={(v: string) => !v && setFilter({ entity: undefined })}
          onBlur={(e) => setFilter({ entity: (e.target as HTMLInputElement).value.trim() || undefined })}
        />
        <AutoComplete
          allowClear
          placeholder={t('audit.action')}
          aria-label={t('audit.action')}
          style={{ width: 200 }}
          options={[...seen.actions].sort().map((value) => ({ value, label: auditActionLabel(value, l) }))}
          filterOption={(input, o) => String(o?.value ?? '').includes(input) || String(o?.label ?? '').includes(input)}
          onSelect={(action: string) => setFilter({ action })}
          onChange={(v: string) => !v && setFilter({ action: undefined })}
          onBlur={(e) => setFilter({ action: (e.target as HTMLInputElement).value.trim() || undefined })}
        />
        <DatePicker.RangePicker aria-label={t('audit.dates')} onChange={(r) => onDates(r as [Dayjs | null, Dayjs | null] | null)} />
      </Space>
      <ResponsiveTable<AuditView>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 800 }}
        expandable={{
          expandedRowRender: (r) => <AuditDiff before={r.before} after={r.after} />,
          rowExpandable: (r) => r.before !== null || r.after !== null,
        }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, LIMITS.pageSize.max],
          showTotal: (n) => t('common.total', { n }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 180, render: (v: string) => new Date(v).toLocaleString() },
          {
            title: t('audit.actor'),
            width: 200,
            render: (_, r) =>
              r.actorId ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  title={t('audit.filterActor')}
                  onClick={() => setFilter({ actorId: r.actorId! })}
                >
                  {r.actorName ?? `#${r.actorId}`}
                </Button>
              ) : (
                <Typography.Text type="secondary">{r.actorName ?? t('audit.system')}</Typography.Text>
              ),
          },
          { title: t('audit.action'), dataIndex: 'action', render: (v: string) => auditActionLabel(v, l) },
          { title: t('audit.entity'), dataIndex: 'entity', render: (v: string) => auditEntityLabel(v, l) },
          { title: t('audit.entityId'), dataIndex: 'entityId' },
          { title: t('audit.ip'), dataIndex: 'ip', responsive: ['lg'] },
        ]}
      />
    </Card>
  );
}
