import { Table, Typography } from 'antd';
import { useI18n } from '../../i18n.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Before/after of one audit row, field by field; changed fields are highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const b = isRecord(before) ? before : before == null ? {} : { value: before };
  const a = isRecord(after) ? after : after == null ? {} : { value: after };
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows: DiffRow[] = fields.map((field) => ({
    field,
    before: b[field],
    after: a[field],
    changed: JSON.stringify(b[field]) !== JSON.stringify(a[field]),
  }));
  if (!rows.length) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  const mark = (r: DiffRow, v: unknown, type: 'danger' | 'success') =>
    r.changed && v !== undefined ? <Typography.Text type={type}>{show(v)}</Typography.Text> : <Typography.Text>{show(v)}</Typography.Text>;
  return (
    <Table<DiffRow>
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={[...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)]}
      rowClassName={(r) => (r.changed ? 'audit-changed' : '')}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', width: 180, render: (f: string, r) => (r.changed ? <strong>{f}</strong> : f) },
        { title: t('audit.before'), render: (_, r) => mark(r, r.before, 'danger') },
        { title: t('audit.after'), render: (_, r) => mark(r, r.after, 'success') },
      ]}
    />
  );
}
