import { App, Alert, Button, Form, Popconfirm, Select, Space, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { $api, type ApiResponse, client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { UnitSelect, useUnits } from '../../components/UnitSelect.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { demandLabels } from './labels.js';
import { settingsLabels as L } from './settings.labels.js';

type Rule = ApiResponse<'/api/v1/demands/route-rules'>[number];
interface RuleForm {
  subjectId: number;
  countyCode: string;
  unitId: number;
}
/** The select's value for "all counties" (the API's null). */
const ALL = '';

/** The subject tree as TreeSelect nodes. */
export function useSubjectTree() {
  const { data: subjects } = $api.useQuery('get', '/api/v1/demands/subjects');
  return useMemo(() => {
    const list = subjects ?? [];
    type Node = { value: number; title: string; children: Node[] };
    const node = (id: number | null): Node[] =>
      list.filter((s) => s.parentId === id).map((s) => ({ value: s.id, title: s.name, children: node(s.id) }));
    return { tree: node(null), names: new Map(list.map((s) => [s.id, s.name])) };
  }, [subjects]);
}

/** 派单规则: subject × county → unit, added, edited and removed by the office. */
export function RouteRulesTab() {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const units = useUnits();
  const { tree, names } = useSubjectTree();
  const { data: rules, refetch, isFetching } = $api.useQuery('get', '/api/v1/demands/route-rules');
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [form] = Form.useForm<RuleForm>();
  const counties = units.filter((u) => u.kind === 'county' && u.status === 'active' && u.divisionCode);
  const countyName = (code: string | null) =>
    code === null ? pick(L.allCounties) : (units.find((u) => u.divisionCode === code)?.name ?? code);

  const save = async (v: RuleForm) => {
    const body = { subjectId: v.subjectId, unitId: v.unitId, countyCode: v.countyCode || null };
    if (editing === 'new') await ok(client.POST('/api/v1/demands/route-rules', { body }));
    else if (editing) await ok(client.PUT('/api/v1/demands/route-rules/{id}', { params: { path: { id: String(editing.id) } }, body }));
    message.success(pick(L.saved));
    setEditing(null);
    await refetch();
  };
  const remove = async (r: Rule) => {
    try {
      await ok(client.DELETE('/api/v1/demands/route-rules/{id}', { params: { path: { id: String(r.id) } } }));
      await refetch();
    } catch (err) {
      report(err);
    }
  };

  const columns = [
    { key: 'subject', title: pick(demandLabels.subject), render: (_: unknown, r: Rule) => names.get(r.subjectId) ?? '' },
    { key: 'county', title: pick(L.county), render: (_: unknown, r: Rule) => countyName(r.countyCode) },
    { key: 'unit', title: pick(demandLabels.unit), dataIndex: 'unitName' },
    {
      key: 'actions',
      title: pick(L.actions),
      render: (_: unknown, r: Rule) => (
        <Space wrap>
          <Button size="small" onClick={() => setEditing(r)} aria-label={`${pick(L.editRule)} ${names.get(r.subjectId) ?? ''}`}>
            {pick(L.editRule)}
          </Button>
          <Popconfirm title={pick(L.removeConfirm)} onConfirm={() => remove(r)}>
            <Button size="small" danger>
              {pick(L.removeRule)}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" message={pick(L.routesHelp)} />
      <Button type="primary" onClick={() => setEditing('new')}>
        {pick(L.addRule)}
      </Button>
      {rules && rules.length === 0 ? (
        <Typography.Paragraph>{pick(L.noRules)}</Typography.Paragraph>
      ) : (
        <ResponsiveTable<Rule>
          rowKey="id"
          loading={isFetching}
          columns={columns}
          dataSource={rules ?? []}
          phoneColumns={['subject', 'unit', 'actions']}
          pagination={false}
        />
      )}
      {editing && (
        <FormModal<RuleForm>
          title={pick(editing === 'new' ? L.addRule : L.editRule)}
          form={form}
          initialValues={
            editing === 'new'
              ? { countyCode: ALL }
              : { subjectId: editing.subjectId, countyCode: editing.countyCode ?? ALL, unitId: editing.unitId }
          }
          onSubmit={save}
          onCancel={() => setEditing(null)}
        >
          <Form.Item name="subjectId" label={pick(demandLabels.subject)} rules={[{ required: true }]}>
            <TreeSelect treeData={tree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
          </Form.Item>
          <Form.Item name="countyCode" label={pick(L.county)}>
            <Select
              options={[{ value: ALL, label: pick(L.allCounties) }, ...counties.map((u) => ({ value: u.divisionCode!, label: u.name }))]}
            />
          </Form.Item>
          <Form.Item name="unitId" label={pick(demandLabels.unit)} rules={[{ required: true }]}>
            <UnitSelect units={units} />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
