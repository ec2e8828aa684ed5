import { Badge, Card, Empty, List, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { ItemView } from '../../../../src/common/schemas/worklists.js';
import { $api } from '../../api/client.js';
import { useI18n } from '../../i18n.js';
import type { Label } from '../../i18n.js';
import { worklistLabels } from './labels.js';
import { WorklistsNav } from './WorklistsNav.js';
import { Due, StatusTag } from './parts.js';

function ItemLine({ item, extra }: { item: ItemView; extra?: string }) {
  return (
    <List.Item>
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Link to={`/worklists/items/${item.id}`}>
          {item.code}. {item.content}
        </Link>
        <Space wrap size={4}>
          <StatusTag status={item.status} />
          <Due item={item} />
          {extra && <Typography.Text type="secondary">{extra}</Typography.Text>}
        </Space>
      </Space>
    </List.Item>
  );
}

function Section({ title, items }: { title: Label; items: { item: ItemView; extra?: string }[] }) {
  const { pick } = useI18n();
  return (
    <Card
      size="small"
      title={
        <Badge count={items.length} offset={[12, 0]} color="blue">
          {pick(title)}
        </Badge>
      }
    >
      {items.length ? (
        <List
          dataSource={items}
          pagination={items.length > 8 ? { pageSize: 8, size: 'small', simple: true } : false}
          renderItem={(x) => <ItemLine key={x.item.id} item={x.item} extra={x.extra} />}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={pick(worklistLabels.empty)} />
      )}
    </Card>
  );
}

/** What the caller's unit (or the office) has to do now; one column, so it reads on a phone. */
export default function TodoPage() {
  const { pick } = useI18n();
  const { data } = $api.useQuery('get', '/api/v1/items/todo');
  if (!data) return <Card loading />;
  return (
    <>
      <WorklistsNav />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {pick(worklistLabels.todo)}
        </Typography.Title>
        <Section
          title={worklistLabels.toApprove}
          items={data.toApprove.map((x) => ({ item: x.item, extra: `${x.report.unit.name} · ${x.report.percent}%` }))}
        />
        <Section title={worklistLabels.toReport} items={data.toReport.map((item) => ({ item }))} />
        <Section title={worklistLabels.dueSoon} items={data.dueSoon.map((item) => ({ item }))} />
        <Section
          title={worklistLabels.coopReports}
          items={data.coopReports.map((x) => ({ item: x.item, extra: `${x.report.unit.name}：${x.report.text}` }))}
        />
      </Space>
    </>
  );
}
