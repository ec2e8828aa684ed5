import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { UNIT_KINDS, UNIT_KIND_LABELS } from '../../../../src/common/roles.js';
import { client } from '../../api/client.js';
import { type UnitView, useUnits } from '../../components/UnitSelect.js';
import { useReportError } from '../../components/feedback.js';
import { type Label, useI18n } from '../../i18n.js';
import { MergeUnitModal, UnitFormModal } from './UnitForms.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';

interface Row {
  key: string;
  unit?: UnitView;
  group?: Label;
  children?: Row[];
}

const COUNTY_TYPE: Record<NonNullable<UnitView['countyType']>, Label> = {
  district: { zh: '区', en: 'District' },
  banner: { zh: '旗', en: 'Banner' },
  county: { zh: '县', en: 'County' },
};

/** City at the root; its children grouped by kind (counties, zones, departments); deeper units nest as they are. */
function buildTree(units: UnitView[]): Row[] {
  const ids = new Set(units.map((u) => u.id));
  const childrenOf = (id: number) => units.filter((u) => u.parentId === id);
  const node = (u: UnitView): Row => {
    const kids = childrenOf(u.id);
    if (!kids.length) return { key: String(u.id), unit: u };
    if (u.kind !== 'city') return { key: String(u.id), unit: u, children: kids.map(node) };
    const groups = UNIT_KINDS.filter((k) => k !== 'city')
      .map((k): Row => ({ key: `${u.id}-${k}`, group: UNIT_KIND_LABELS[k], children: kids.filter((c) => c.kind === k).map(node) }))
      .filter((g) => g.children!.length);
    return { key: String(u.id), unit: u, children: groups };
  };
  return units.filter((u) => u.parentId === null || !ids.has(u.parentId)).map(node);
}

const branchKeys = (rows: Row[]): string[] => rows.flatMap((r) => (r.children ? [r.key, ...branchKeys(r.children)] : []));

/** Admin: the unit tree — add, rename with aliases, merge, retire, delete. */
export default function UnitsPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [showRetired, setShowRetired] = useState(false);
  const units = useUnits({ includeRetired: showRetired });
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<UnitView | 'new' | null>(null);
  const [merging, setMerging] = useState<UnitView | null>(null);
  const [collapsedKeys, setCollapsedKeys] = useState<Set<string>>(new Set());

  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const rows = useMemo<Row[]>(() => {
    const needle = search.trim();
    if (!needle) return buildTree(units);
    return units.filter((u) => [u.name, ...u.aliases].some((n) => n.includes(needle))).map((u) => ({ key: String(u.id), unit: u }));
  }, [units, search]);
  const expandedKeys = branchKeys(rows).filter((k) => !collapsedKeys.has(k));

  const act = async (work: Promise<unknown>, done: string) => {
    try {
      await work;
      message.success(done);
    } catch (err) {
      report(err);
    }
  };

  return (
    <Card
      title={t('units.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('units.new')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('units.searchPlaceholder')}
          aria-label={t('common.search')}
          style={{ width: 240 }}
          onSearch={setSearch}
          onChange={(e) => !e.target.value && setSearch('')}
        />
        <Checkbox checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)}>
          {t('units.showRetired')}
        </Checkbox>
      </Space>
      <ResponsiveTable<Row>
        phoneColumns={1}
        size="middle"
        dataSource={rows}
        pagination={search ? { showSizeChanger: true, showTotal: (n) => t('common.total', { n }) } : false}
        scroll={{ x: 900 }}
        expandable={{
          expandedRowKeys: expandedKeys,
          onExpand: (open, r) =>
            setCollapsedKeys((s) => {
              const next = new Set(s);
              if (open) next.delete(r.key);
              else next.add(r.key);
              return next;
            }),
        }}
        columns={[
          {
            title: t('units.name'),
            render: (_, r) =>
              r.group ? (
                <Typography.Text strong>
                  {pick(r.group)}（{r.children?.length ?? 0}）
                </Typography.Text>
              ) : (
                // Plain inline text, not a flex box: a long name must wrap after the tree indent, not below it.
                <span>
                  {r.unit!.name}
                  {r.unit!.countyType && <Tag style={{ marginInlineStart: 6 }}>{pick(COUNTY_TYPE[r.unit!.countyType])}</Tag>}
                  {r.unit!.status === 'retired' && (
                    <Tag style={{ marginInlineStart: 6 }}>
                      {r.unit!.mergedIntoId
                        ? t('units.mergedInto', { name: byId.get(r.unit!.mergedIntoId)?.name ?? `#${r.unit!.mergedIntoId}` })
                        : t('common.retired')}
                    </Tag>
                  )}
                </span>
              ),
          },
          {
            title: t('units.aliases'),
            width: 260,
            render: (_, r) => (
              <Space size={[4, 4]} wrap>
                {r.unit?.aliases.map((a) => (
                  <Tag key={a} color="blue">
                    {a}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t('units.divisionCode'), width: 120, render: (_, r) => r.unit?.divisionCode ?? '' },
          { title: t('units.users'), width: 80, align: 'right', render: (_, r) => r.unit?.userCount ?? '' },
          {
            title: t('common.actions'),
            width: 270,
            render: (_, r) => {
              const u = r.unit;
              if (!u || u.status !== 'active') return null;
              return (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(u)}>
                    {t('units.edit')}
                  </Button>
                  {u.kind !== 'city' && (
                    <>
                      <Button type="link" size="small" onClick={() => setMerging(u)}>
                        {t('units.merge')}
                      </Button>
                      <Popconfirm
                        title={t('units.retireConfirm', { name: u.name })}
                        onConfirm={() =>
                          act(
                            client.POST('/api/v1/units/{id}/retire', {
                              params: { path: { id: String(u.id) } },
                              body: { version: u.version },
                            }),
                            t('units.retiredDone'),
                          )
                        }
                      >
                        <Button type="link" size="small">
                          {t('units.retire')}
                        </Button>
                      </Popconfirm>
                      <Popconfirm
                        title={t('units.deleteConfirm', { name: u.name })}
                        okButtonProps={{ danger: true }}
                        onConfirm={() =>
                          act(client.DELETE('/api/v1/units/{id}', { params: { path: { id: String(u.id) } } }), t('units.deleted'))
                        }
                      >
                        <Button type="link" size="small" danger>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    </>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {editing && (
        <UnitFormModal
          unit={editing === 'new' ? null : editing}
          units={units}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
      {merging && <MergeUnitModal unit={merging} units={units} onClose={() => setMerging(null)} onMerged={() => setMerging(null)} />}
    </Card>
  );
}
