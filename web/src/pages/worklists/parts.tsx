import { Progress, Space, Tag, Typography } from 'antd';
import { ITEM_STATUS_LABELS, type ItemFilter, type ItemView } from '../../../../src/common/schemas/worklists.js';
import type { ApiQuery } from '../../api/client.js';
import { useI18n } from '../../i18n.js';
import { worklistLabels, STATUS_COLORS, fill } from './labels.js';

export function StatusTag({ status }: { status: ItemView['status'] }) {
  const { pick } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{pick(ITEM_STATUS_LABELS[status])}</Tag>;
}

/** The deadline with what it means today: overdue (red) or working days left; once closed, whether it closed late. */
export function Due({ item }: { item: ItemView }) {
  const { pick } = useI18n();
  if (!item.deadline) return <Typography.Text type="secondary">{item.ongoing ? pick(worklistLabels.ongoing) : '—'}</Typography.Text>;
  return (
    <Space direction="vertical" size={0}>
      <span>{item.deadline}</span>
      {item.status === 'closed' && item.closedLateWorkdays > 0 && (
        <Tag color="volcano">{fill(pick(worklistLabels.closedLate), { n: item.closedLateWorkdays })}</Tag>
      )}
      {item.status !== 'closed' &&
        (item.overdue ? (
          <Tag color="red">{fill(pick(worklistLabels.overdueBy), { n: item.overdueWorkdays })}</Tag>
        ) : (
          item.dueInWorkdays !== null &&
          item.dueInWorkdays <= 10 && <Tag color="orange">{fill(pick(worklistLabels.dueIn), { n: item.dueInWorkdays })}</Tag>
        ))}
    </Space>
  );
}

export function Percent({ value }: { value: number }) {
  return <Progress percent={value} size="small" style={{ minWidth: 80, margin: 0 }} />;
}

export const unitNames = (units: { name: string }[]) => units.map((u) => u.name.replace(/^呼和浩特市/, '')).join('、');

/** A filter as the form holds it (unit and list ids as numbers), as the query string carries it. */
export const itemQueryOf = (f: ItemFilter): ApiQuery<'/api/v1/items'> => ({
  ...f,
  listId: f.listId?.toString(),
  unitId: f.unitId?.toString(),
});
