import { Table } from 'antd';
import type { AreaRollup, UnitRollup } from '../../../../src/common/schemas/indicator-results.js';
import { $api } from '../../api/client.js';
import { useI18n } from '../../i18n.js';
import { indicatorLabels } from './labels.js';

/** The question bank's self-assessments as a predicted score per indicator area and per unit. */
export function RollupPanel() {
  const { pick } = useI18n();
  const { data } = $api.useQuery('get', '/api/v1/indicators/rollup');
  const columns = [
    { title: pick(indicatorLabels.area), dataIndex: 'area' },
    { title: pick(indicatorLabels.predicted), render: (_: unknown, a: AreaRollup) => a.predicted.toFixed(1) },
    { title: pick(indicatorLabels.unanswered), dataIndex: 'unanswered' },
  ];
  return (
    <>
      <Table<AreaRollup>
        rowKey="area"
        size="small"
        pagination={false}
        dataSource={data?.areas ?? []}
        columns={columns}
        aria-label={pick(indicatorLabels.rollup)}
      />
      <Table<UnitRollup>
        rowKey="unitId"
        size="small"
        style={{ marginTop: 16 }}
        dataSource={data?.units ?? []}
        columns={[
          { title: pick(indicatorLabels.unit), dataIndex: 'unitName' },
          { title: pick(indicatorLabels.predicted), render: (_, u) => u.predicted.toFixed(1) },
        ]}
        expandable={{
          expandedRowRender: (u) => (
            <Table<AreaRollup> rowKey="area" size="small" pagination={false} dataSource={u.areas} columns={columns} />
          ),
        }}
      />
    </>
  );
}
