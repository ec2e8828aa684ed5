import { Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { $api } from '../../api/client.js';
import { fill } from '../../components/format.js';
import { useI18n } from '../../i18n.js';
import { LEVEL_LABEL, ROUND_ACTION_LABEL, servicesLabels as L } from './labels.js';
import type { Round } from './types.js';

/** The streamlining rounds; choosing one shows what it removed, merged or delegated, and why. */
export function RoundsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { pick } = useI18n();
  const { data: rounds } = $api.useQuery('get', '/api/v1/services/rounds', {}, { enabled: open });
  const [chosen, setChosen] = useState<number>();
  const { data: diff } = $api.useQuery(
    'get',
    '/api/v1/services/rounds/{id}',
    { params: { path: { id: String(chosen ?? '') } } },
    { enabled: Boolean(chosen) },
  );
  return (
    <Modal open={open} title={pick(L.rounds)} onCancel={onClose} footer={null} width={760}>
      {rounds && rounds.length === 0 && <Typography.Text type="secondary">{pick(L.noRounds)}</Typography.Text>}
      {rounds && rounds.length > 0 && (
        <Table<Round>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={rounds}
          onRow={(r) => ({ onClick: () => setChosen(r.id), style: { cursor: 'pointer' } })}
          rowClassName={(r) => (r.id === chosen ? 'ant-table-row-selected' : '')}
          columns={[
            {
              title: pick(L.rounds),
              key: 'line',
              render: (_: unknown, r) =>
                fill(pick(L.roundLine), { date: r.effectiveOn, name: r.name, before: r.beforeCount, after: r.afterCount }),
            },
          ]}
        />
      )}
      {diff && (
        <Table
          style={{ marginTop: 12 }}
          rowKey="code"
          size="small"
          pagination={{ pageSize: 10, showSizeChanger: false }}
          dataSource={diff.changes}
          columns={[
            { title: pick(L.code), dataIndex: 'code', width: 110 },
            { title: pick(L.name), dataIndex: 'name' },
            {
              title: pick(L.change),
              key: 'action',
              width: 150,
              render: (_: unknown, c) =>
                `${pick(ROUND_ACTION_LABEL[c.action]!)}${c.intoCode ? ` → ${c.intoCode}` : ''}` +
                `${c.toLevel ? ` → ${pick(LEVEL_LABEL[c.toLevel]!)}` : ''}`,
            },
            { title: pick(L.reason), dataIndex: 'reason' },
          ]}
        />
      )}
    </Modal>
  );
}
