import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { $api } from '../../api/client.js';
import { fill, fmtNumber } from '../../components/format.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { MODE_LABEL, servicesLabels as L } from './labels.js';
import { FileCaseModal, NewPackageModal } from './PackageForms.js';
import type { MissedPackage, Package } from './types.js';

const pct = (n: number | null) => (n === null ? '—' : `−${fmtNumber(n, 1)}%`);

/**
 * The packages with their promised before/after figures, the reductions measured from the cases of the period,
 * and the missed-promise list.
 */
export function PackagesTab({ from, to }: { from: string; to: string }) {
  const { pick } = useI18n();
  const { can } = useSession();
  const { data: packages } = $api.useQuery('get', '/api/v1/services/packages');
  const stats = $api.useQuery('get', '/api/v1/services/packages/stats', { params: { query: { from, to } } });
  const missed = $api.useQuery('get', '/api/v1/services/packages/missed', { params: { query: { from, to } } });
  const [filing, setFiling] = useState<Package>();
  const [creating, setCreating] = useState(false);
  const measured = new Map((stats.data?.packages ?? []).map((s) => [s.packageId, s]));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {can('services.manage') && (
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ alignSelf: 'flex-start' }}>
          {pick(L.newPackage)}
        </Button>
      )}
      <ResponsiveTable<Package>
        rowKey="id"
        size="small"
        loading={!packages}
        dataSource={packages}
        pagination={false}
        phoneColumns={['name', 'actions']}
        columns={[
          {
            title: pick(L.package),
            dataIndex: 'name',
            key: 'name',
            render: (n: string, p) => (
              <a href={`/guide/packages/${encodeURIComponent(p.code)}`} target="_blank" rel="noreferrer">
                {n}
              </a>
            ),
          },
          { title: pick(L.departments), dataIndex: 'departments', width: 80 },
          { title: pick(L.mode), dataIndex: 'mode', width: 90, render: (m: string) => pick(MODE_LABEL[m]!) },
          {
            title: pick(L.steps),
            key: 'steps',
            render: (_: unknown, p) => `${p.before.steps} → ${p.after.steps}（${pct(p.reductions.steps)}）`,
          },
          {
            title: pick(L.materials),
            key: 'materials',
            render: (_: unknown, p) => `${p.before.materials} → ${p.after.materials}（${pct(p.reductions.materials)}）`,
          },
          {
            title: pick(L.limit),
            key: 'limit',
            render: (_: unknown, p) => `${fmtNumber(p.before.days, 2)} → ${fmtNumber(p.after.days, 2)}（${pct(p.reductions.days)}）`,
          },
          { title: pick(L.visits), key: 'visits', render: (_: unknown, p) => `${p.before.visits} → ${p.after.visits}` },
          { title: pick(L.timeCut), key: 'timeCut', render: (_: unknown, p) => pct(measured.get(p.id)?.timeCut ?? null) },
          {
            title: '',
            key: 'actions',
            width: 100,
            render: (_: unknown, p) =>
              can('services.cases.record') && (
                <Button size="small" onClick={() => setFiling(p)}>
                  {pick(L.fileCase)}
                </Button>
              ),
          },
        ]}
      />
      {stats.data && (
        <Typography.Text type="secondary">
          {fill(pick(L.measured), { from, to })}
          {pick(L.colon)}
          {pick(L.finished)} {fmtNumber(stats.data.finished)} · {pick(L.late)} {fmtNumber(stats.data.late)} · {pick(L.timeCut)}{' '}
          {pct(stats.data.averageTimeCut)}
        </Typography.Text>
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {pick(L.missed)}
      </Typography.Title>
      {missed.data && missed.data.packages.length === 0 ? (
        <Typography.Text type="secondary">{pick(L.noMissed)}</Typography.Text>
      ) : (
        <Table<MissedPackage>
          aria-label={pick(L.missed)}
          rowKey="packageId"
          size="small"
          loading={missed.isFetching}
          dataSource={missed.data?.packages}
          pagination={false}
          columns={[
            { title: pick(L.package), dataIndex: 'name' },
            { title: pick(L.late), key: 'late', render: (_: unknown, s) => `${s.late} / ${s.finished}` },
            { title: pick(L.lateShare), dataIndex: 'lateShare', render: (n: number) => `${fmtNumber(n, 1)}%` },
          ]}
        />
      )}
      {filing && <FileCaseModal pkg={filing} onClose={() => setFiling(undefined)} />}
      {creating && <NewPackageModal onClose={() => setCreating(false)} />}
    </Space>
  );
}
