import { Card, Space, Typography } from 'antd';
import type { BulletinSection } from '../../../../src/common/schemas/supervision.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';

type Row = Record<string, string | number | null> & { key: number };

/**
 * The other modules' sections of a bulletin (融资环境, 政务服务, …) as frozen with its figures:
 * the same paragraphs and tables the .docx and .pdf carry, read-only (the figures come from the
 * modules, not from the office's commentary).
 */
export function BulletinSections({ sections }: { sections: BulletinSection[] }) {
  const { pick } = useI18n();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {sections.map((s) => (
        <Card size="small" key={s.key} title={pick(s.title)} data-section={s.key}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {s.blocks.map((b, i) => {
              if (b.type === 'heading')
                return (
                  <Typography.Text strong key={i}>
                    {b.text}
                  </Typography.Text>
                );
              if (b.type === 'paragraph')
                return (
                  <Typography.Paragraph key={i} style={{ margin: 0 }}>
                    {b.text}
                  </Typography.Paragraph>
                );
              const rows: Row[] = b.rows.map((r, k) => ({ key: k, ...Object.fromEntries(r.map((v, c) => [`c${c}`, v])) }));
              return (
                <ResponsiveTable<Row>
                  key={i}
                  size="small"
                  pagination={false}
                  title={b.caption ? () => b.caption : undefined}
                  columns={b.columns.map((c, k) => ({
                    key: `c${k}`,
                    dataIndex: `c${k}`,
                    title: c.header,
                    align: c.align ?? (k ? 'right' : 'left'),
                  }))}
                  dataSource={rows}
                />
              );
            })}
          </Space>
        </Card>
      ))}
    </Space>
  );
}
