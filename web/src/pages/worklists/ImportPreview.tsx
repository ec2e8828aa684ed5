import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { ImportPreviewRow, ImportProblem, ImportSheetMapping } from '../../../../src/common/schemas/worklists-import.js';
import { type Label, pickBilingual, useI18n } from '../../i18n.js';
import { worklistLabels, fill } from './labels.js';
import { FIELD_LABELS, workbookLabels } from './excelLabels.js';
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
        {
          title: pick(workbookLabels.sheet),
          dataIndex: 'sheet',
          width: 90,
          render: (v: string | null) => v ?? pick(workbookLabels.wholeFile),
        },
        { title: pick(workbookLabels.row), dataIndex: 'row', width: 48, render: (v: number | null) => v ?? '—' },
        { title: pick(workbookLabels.column), dataIndex: 'column', width: 48, render: (v: string | null) => v ?? '—' },
        {
          title: pick(workbookLabels.reason),
          dataIndex: 'message',
          render: (v: string) => <Typography.Text type={tone}>{pickBilingual(lang, v)}</Typography.Text>,
        },
      ]}
    />
  );
}

/** Which header of each sheet feeds which field; sheets that were not read say why. */
export function MappingView({ mapping }: { mapping: ImportSheetMapping[] }) {
  const { pick, lang } = useI18n();
  const field = (f: string | null) =>
    f ? (
      pick(FIELD_LABELS[f] ?? ({ zh: f, en: f } satisfies Label))
    ) : (
      <Typography.Text type="secondary">{pick(workbookLabels.ignored)}</Typography.Text>
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {mapping.map((m) => (
        <Card
          key={m.sheet}
          size="small"
          title={`${pick(workbookLabels.sheet)}：${m.sheet}`}
          extra={m.headerRow ? fill(pick(workbookLabels.headerRow), { n: m.headerRow }) : null}
        >
          {m.skipped ? (
            <Typography.Text type="secondary">{`${pick(workbookLabels.skipped)}：${pickBilingual(lang, m.skipped)}`}</Typography.Text>
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
        {
          title: pick(workbookLabels.row),
          dataIndex: 'row',
          width: 70,
          render: (r: number) => (problemRows.has(r) ? <Tag color="red">{`${r} ${pick(workbookLabels.hasProblem)}`}</Tag> : r),
        },
        { title: pick(worklistLabels.code), dataIndex: 'code', width: 70 },
        { title: pick(worklistLabels.area), dataIndex: 'area', width: 110 },
        { title: pick(worklistLabels.content), dataIndex: 'content' },
        { title: pick(worklistLabels.lead), key: 'lead', width: 160, render: (_, r) => units(r.leadUnits) },
        { title: pick(worklistLabels.coop), key: 'coop', width: 180, render: (_, r) => units(r.coopUnits) },
        {
          title: pick(worklistLabels.deadline),
          key: 'deadline',
          width: 110,
          render: (_, r) => r.deadline ?? (r.ongoing ? pick(worklistLabels.ongoing) : '—'),
        },
      ]}
    />
  );
}
