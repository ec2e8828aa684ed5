import { Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { $api } from '../../api/client.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { demandLabels } from './labels.js';
import { PublicShell } from './PublicShell.js';

interface Line {
  unitName: string;
  ratings: number;
  satisfactionRate: number | null;
  onTimeRate: number | null;
  closed: number;
}
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

/** 服务质量网上评价 · 服务信用网上公示: each unit's ratings and on-time rate of a month, without login. */
export default function BoardPage() {
  const { pick } = useI18n();
  const { data } = $api.useQuery('get', '/api/v1/demands/public/board');
  const [month, setMonth] = useState<string | undefined>();
  const months = data?.months ?? [];
  const shown = month ?? months[months.length - 1];
  const lines: Line[] = (data?.units ?? [])
    .map((u) => ({
      unitName: u.unitName,
      ...(u.months.find((m) => m.month === shown) ?? { ratings: 0, satisfactionRate: null, onTimeRate: null, closed: 0 }),
    }))
    .filter((l) => l.ratings > 0 || l.closed > 0);
  const columns = [
    { key: 'unitName', title: pick(demandLabels.unit), dataIndex: 'unitName' },
    { key: 'ratings', title: pick(demandLabels.ratings), dataIndex: 'ratings', align: 'right' as const },
    {
      key: 'sat',
      title: pick(demandLabels.satisfactionRate),
      render: (_: unknown, l: Line) => pct(l.satisfactionRate),
      align: 'right' as const,
    },
    { key: 'onTime', title: pick(demandLabels.onTimeRate), render: (_: unknown, l: Line) => pct(l.onTimeRate), align: 'right' as const },
  ];
  return (
    <PublicShell title={pick(demandLabels.board)}>
      <Typography.Paragraph type="secondary">{pick(demandLabels.boardHelp)}</Typography.Paragraph>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          {pick(demandLabels.month)}
          <Select
            aria-label={pick(demandLabels.month)}
            style={{ width: 140 }}
            value={shown}
            onChange={setMonth}
            options={months.map((m) => ({ value: m, label: m }))}
          />
          <Link to="/public/rate">{pick(demandLabels.rateTitle)}</Link>
        </Space>
        {data && lines.length === 0 ? (
          <Typography.Paragraph>{pick(demandLabels.noBoardData)}</Typography.Paragraph>
        ) : (
          <ResponsiveTable<Line>
            rowKey="unitName"
            columns={columns}
            dataSource={lines}
            phoneColumns={['unitName', 'sat']}
            pagination={false}
          />
        )}
      </Card>
    </PublicShell>
  );
}
