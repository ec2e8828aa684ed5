import { Alert, Button, Card, Col, Empty, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { SnapshotRowView } from '../../../../src/common/schemas/supervision.js';
import { $api, apiUrl, client, ok } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { supervisionLabels } from './labels.js';
import { SupervisionNav } from './SupervisionNav.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';

const delta = (n: number | undefined, lowerIsBetter = false) => {
  if (!n) return null;
  const good = lowerIsBetter ? n < 0 : n > 0;
  return <Typography.Text type={good ? 'success' : 'danger'}>{` ${n > 0 ? '+' : ''}${n}`}</Typography.Text>;
};

function BoardCard({ title, rows, color }: { title: string; rows: SnapshotRowView[]; color: string }) {
  return (
    <Card size="small" title={<Tag color={color}>{title}</Tag>}>
      {rows.length ? (
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {rows.map((r) => (
            <li key={r.unit.id}>
              {r.unit.name}（{r.score}）
            </li>
          ))}
        </ol>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}

/** 周督查: the frozen weekly figures per unit, the change since last week and the red/black list. */
export default function WeeklyPage() {
  const { pick } = useI18n();
  const { can } = useSession();
  const report = useReportError();
  const [id, setId] = useState<number | 'latest'>('latest');
  const [busy, setBusy] = useState(false);
  const list = $api.useQuery('get', '/api/v1/supervision/weekly');
  // No snapshot taken yet is an empty page, not an error.
  const snapshot = $api.useQuery(
    'get',
    '/api/v1/supervision/weekly/{id}',
    { params: { path: { id: String(id) } } },
    { meta: { silent: true } },
  );
  const data = snapshot.isError ? null : snapshot.data;
  const manage = can('supervision.manage');
  const take = async () => {
    setBusy(true);
    try {
      const s = await ok(client.POST('/api/v1/supervision/weekly', { body: {} }));
      setId(s.id);
    } catch (err) {
      report(err);
    } finally {
      setBusy(false);
    }
  };
  const columns = [
    { title: pick(supervisionLabels.rank), dataIndex: 'rank', width: 64, render: (r: number) => r || '—' },
    {
      title: pick(supervisionLabels.unit),
      dataIndex: ['unit', 'name'],
      render: (n: string, r: SnapshotRowView) =>
        r.board ? (
          <Space>
            {n}
            <Tag color={r.board === 'red' ? 'red' : 'default'}>{pick(supervisionLabels[r.board])}</Tag>
          </Space>
        ) : (
          n
        ),
    },
    {
      title: pick(supervisionLabels.assigned),
      dataIndex: 'assigned',
      align: 'right' as const,
      render: (v: number, r: SnapshotRowView) => (
        <>
          {v}
          {delta(r.change?.assigned)}
        </>
      ),
    },
    {
      title: pick(supervisionLabels.closed),
      dataIndex: 'closed',
      align: 'right' as const,
      render: (v: number, r: SnapshotRowView) => (
        <>
          {v}
          {delta(r.change?.closed)}
        </>
      ),
    },
    { title: pick(supervisionLabels.inProgress), dataIndex: 'inProgress', align: 'right' as const },
    {
      title: pick(supervisionLabels.overdue),
      dataIndex: 'overdue',
      align: 'right' as const,
      render: (v: number, r: SnapshotRowView) => (
        <>
          {v}
          {delta(r.change?.overdue, true)}
        </>
      ),
    },
    {
      title: pick(supervisionLabels.stale),
      dataIndex: 'stale',
      align: 'right' as const,
      render: (v: number, r: SnapshotRowView) => (
        <>
          {v}
          {delta(r.change?.stale, true)}
        </>
      ),
    },
    { title: pick(supervisionLabels.lateReports), dataIndex: 'lateReports', align: 'right' as const },
    { title: pick(supervisionLabels.returns), dataIndex: 'returns', align: 'right' as const },
    {
      title: pick(supervisionLabels.score),
      dataIndex: 'score',
      align: 'right' as const,
      render: (v: number, r: SnapshotRowView) => (
        <>
          {v}
          {delta(r.change?.score)}
        </>
      ),
    },
  ];
  return (
    <>
      <SupervisionNav
        extra={
          <Space wrap>
            <Select
              aria-label={pick(supervisionLabels.week)}
              style={{ minWidth: 180 }}
              value={id}
              onChange={setId}
              options={[
                { value: 'latest' as const, label: pick(supervisionLabels.week) },
                ...(list.data ?? []).map((s) => ({ value: s.id, label: s.weekOf })),
              ]}
            />
            {manage && (
              <Button type="primary" loading={busy} onClick={take}>
                {pick(supervisionLabels.takeSnapshot)}
              </Button>
            )}
            {data && (
              <Button href={apiUrl('/api/v1/supervision/weekly/{id}/export.xlsx', { path: { id: data.id } })} download>
                {pick(supervisionLabels.exportExcel)}
              </Button>
            )}
          </Space>
        }
      />
      {!data ? (
        <Empty description={pick(supervisionLabels.noSnapshot)} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {pick(supervisionLabels.weekly)} {data.weekOf}（{data.period.from} ~ {data.period.to}）
          </Typography.Title>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={12}>
              <BoardCard title={pick(supervisionLabels.red)} rows={data.red} color="red" />
            </Col>
            <Col xs={24} md={12}>
              <BoardCard title={pick(supervisionLabels.black)} rows={data.black} color="black" />
            </Col>
          </Row>
          <Alert type="info" showIcon message={pick(supervisionLabels.formula)} description={pick(data.formula)} />
          <ResponsiveTable<SnapshotRowView>
            phoneColumns={['rank', 'unit.name', 'score']}
            rowKey={(r) => r.unit.id}
            size="small"
            columns={columns}
            dataSource={data.rows}
            scroll={{ x: 900 }}
            pagination={{ pageSize: 20 }}
          />
        </Space>
      )}
    </>
  );
}
