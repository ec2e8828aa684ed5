import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { ImportPreviewRow, ImportProblem, ImportSheetMapping } from '../../../../src/common/schemas/worklists-import.js';
import { type Label, pickBilingual, useI18n } from '../../i18n.js';
import { L, fill } from './labels.js';
import { FIELD_LABELS, X } from './excelLabels.js';
import { unitNames } from './parts.js';

/** Every located problem (or warning): sheet, row, column and the reason in the user's language. */
export function ProblemsTable({ problems, tone = 'danger' }: { problems: ImportProblem[]; tone?: 'danger' | 'warning' }) {
  const { pick, lang } = useI18n();
  return (
    <Table<ImportProblem & { key: number }>
      size="small"
      pagination={problems.length > 20 ? { pageSize: 20 } : false}
      dataSource={problems.map((p, key) => ({ ...p, key }))}
      columns={[
        { title: pick(X.sheet), dataIndex: 'sheet', width: 90, render: (v: string | null) => v ?? pick(X.wholeFile) },
        { title: pick(X.row), dataIndex: 'row', width: 48, render: (v: number | null) => v ?? '—' },
        { title: pick(X.column), dataIndex: 'column', width: 48, render: (v: string | null) => v ?? '—' },
        { title: pick(X.reason), dataIndex: 'message', render: (v: string) => <Typography.Text type={tone}>{pickBilingual(lang, v)}</Typography.Text> },
      ]}
    />
  );
}

/** Which header of each sheet feeds which field; sheets that were not read say why. */
export function MappingView({ mapping }: { mapping: ImportSheetMapping[] }) {
  const { pick, lang } = useI18n();
  const field = (f: string | null) => (f ? pick(FIELD_LABELS[f] ?? ({ zh: f, en: f } satisfies Label)) : <Typography.Text type="secondary">{pick(X.ignored)}</Typography.Text>);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {mapping.map((m) => (
        <Card key={m.sheet} size="small" title={`${pick(X.sheet)}：${m.sheet}`} extra={m.headerRow ? fill(pick(X.headerRow), { n: m.headerRow }) : null}>
          {m.skipped ? (
            <Typography.Text type="secondary">{`${pick(X.skipped)}：${pickBilingual(lang, m.skipped)}`}</Typography.Text>
          ) : (
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
              {m.columns.map((c) => (
                <Descriptions.Item key={c.column} label={`${c.column} · ${c.header}`}>
                  {field(c.field)}
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
        </Card>
      ))}
    </Space>
  );
}

/** The rows as they will be written; a row with a problem is marked (row numbers of the only sheet read). */
export function RowsTable({ rows, problemRows }: { rows: ImportPreviewRow[]; problemRows: Set<number> }) {
  const { pick } = useI18n();
  const units = (names: string[]) => unitNames(names.map((name) => ({ name })));
  return (
    <Table<ImportPreviewRow>
      rowKey="row"
      size="small"
      scroll={{ x: 900 }}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      dataSource={rows}
      columns={[
        { title: pick(X.row), dataIndex: 'row', width: 70, render: (r: number) => (problemRows.has(r) ? <Tag color="red">{`${r} ${pick(X.hasProblem)}`}</Tag> : r) },
        { title: pick(L.code), dataIndex: 'code', width: 70 },
        { title: pick(L.area), dataIndex: 'area', width: 110 },
        { title: pick(L.content), dataIndex: 'content' },
        { title: pick(L.lead), key: 'lead', width: 160, render: (_, r) => units(r.leadUnits) },
        { title: pick(L.coop), key: 'coop', width: 180, render: (_, r) => units(r.coopUnits) },
        { title: pick(L.deadline), key: 'deadline', width: 110, render: (_, r) => r.deadline ?? (r.ongoing ? pick(L.ongoing) : '—') },
      ]}
    />
  );
}
