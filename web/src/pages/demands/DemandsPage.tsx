import { Card, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DEMAND_STATUSES, type DemandStatus } from '../../../../src/common/schemas/demands.js';
import { $api, type ApiResponse } from '../../api/client.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { IntakeCard } from './IntakeCard.js';
import { STATUS_COLORS, STATUS_LABELS, TYPE_LABELS, chinaTime, demandLabels } from './labels.js';
import { Timer } from './Timer.js';

type Ticket = ApiResponse<'/api/v1/demands'>['items'][number];
const OPEN: DemandStatus[] = ['received', 'dispatched', 'sent_back', 'in_progress'];
const WORDS = { wordBreak: 'keep-all' } as const;
const NOWRAP = { whiteSpace: 'nowrap' } as const;
// Names wrap, but never down to a character a line.
const NAME = { minWidth: 120 } as const;

/** 企业诉求: the seat's intake with the knowledge base, and the tickets the user may see, with their timers. */
export default function DemandsPage() {
  const { pick } = useI18n();
  const { can } = useSession();
  const [status, setStatus] = useState<DemandStatus | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = { status, overdue: overdue ? ('true' as const) : undefined, q: q || undefined, page, pageSize: 20 };
  const { data, isFetching } = $api.useQuery('get', '/api/v1/demands', { params: { query } });

  const columns = [
    { key: 'code', title: pick(demandLabels.code), render: (_: unknown, t: Ticket) => <Link to={`/demands/${t.id}`}>{t.code}</Link> },
    {
      key: 'status',
      title: pick(demandLabels.status),
      render: (_: unknown, t: Ticket) => <Tag color={STATUS_COLORS[t.status]}>{pick(STATUS_LABELS[t.status])}</Tag>,
    },
    // Words kept whole: squeezed by the long columns they broke into one character a line.
    {
      key: 'type',
      title: pick(demandLabels.type),
      render: (_: unknown, t: Ticket) => <span style={WORDS}>{pick(TYPE_LABELS[t.type])}</span>,
    },
    { key: 'subject', title: pick(demandLabels.subject), render: (_: unknown, t: Ticket) => <span style={WORDS}>{t.subjectName}</span> },
    {
      key: 'enterprise',
      title: pick(demandLabels.enterprise),
      render: (_: unknown, t: Ticket) => <div style={NAME}>{t.enterpriseName ?? ''}</div>,
    },
    { key: 'phone', title: pick(demandLabels.contactPhone), dataIndex: 'contactPhone' },
    { key: 'unit', title: pick(demandLabels.unit), render: (_: unknown, t: Ticket) => <div style={NAME}>{t.unitName ?? ''}</div> },
    {
      key: 'received',
      title: pick(demandLabels.received),
      render: (_: unknown, t: Ticket) => <Received at={t.receivedAt} />,
    },
    {
      key: 'due',
      title: pick(demandLabels.due),
      render: (_: unknown, t: Ticket) => <Timer due={t.dueAt} open={OPEN.includes(t.status)} wrap />,
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {pick(demandLabels.desk)}
      </Typography.Title>
      {can('demands.intake') && <IntakeCard />}
      <Card size="small" title={pick(demandLabels.tickets)}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label={pick(demandLabels.search)}
            placeholder={pick(demandLabels.search)}
            allowClear
            onSearch={(v) => (setQ(v.trim()), setPage(1))}
            style={{ width: 240 }}
          />
          <Select
            aria-label={pick(demandLabels.status)}
            style={{ width: 160 }}
            value={status ?? ''}
            onChange={(v) => (setStatus((v || undefined) as DemandStatus | undefined), setPage(1))}
            options={[
              { value: '', label: pick(demandLabels.all) },
              ...DEMAND_STATUSES.map((s) => ({ value: s, label: pick(STATUS_LABELS[s]) })),
            ]}
          />
          <Space>
            <Switch checked={overdue} onChange={(v) => (setOverdue(v), setPage(1))} aria-label={pick(demandLabels.onlyOverdue)} />
            {pick(demandLabels.onlyOverdue)}
          </Space>
        </Space>
        {/* Nine columns: the compact size lets them fit a 1366 px screen without scrolling sideways. */}
        <ResponsiveTable<Ticket>
          size="small"
          rowKey="id"
          loading={isFetching}
          columns={columns}
          dataSource={data?.items ?? []}
          phoneColumns={['code', 'status']}
          locale={{ emptyText: pick(demandLabels.noTickets) }}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        />
      </Card>
    </Space>
  );
}

/** The day and the time, each kept whole (a date breaks at its hyphens otherwise). */
function Received({ at }: { at: string }) {
  const [day, time] = chinaTime(at).split(' ');
  return (
    <>
      <span style={NOWRAP}>{day}</span> <span style={NOWRAP}>{time}</span>
    </>
  );
}
