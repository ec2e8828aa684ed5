import { Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Space, type TableProps } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  ITEM_KINDS,
  ITEM_KIND_LABELS,
  ITEM_STATUSES,
  ITEM_STATUS_LABELS,
  type ItemFilter,
  type ItemView,
  type SavedFilterView,
  type WorklistView,
} from '../../../../src/common/schemas/worklists.js';
import { type Page, api } from '../../api.js';
import { UnitSelect, useUnits } from '../../components/UnitSelect.js';
import { useReportError } from '../../components/feedback.js';
import { useLoad } from '../../components/useLoad.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { ItemForm } from './ItemForm.js';
import { worklistLabels } from './labels.js';
import { WorklistsNav } from './WorklistsNav.js';
import { Due, Percent, StatusTag, unitNames } from './parts.js';
import { ExportButton } from './ExportButton.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { PLEASE_CHOOSE } from '../../components/format.js';

type Sort = { sort?: 'code' | 'deadline' | 'updatedAt' | 'status' | 'percent'; order?: 'asc' | 'desc' };

/** All items the caller may see, with filters, keyword search, sorting, paging and saved filters. */
export default function ItemsPage() {
  const { pick } = useI18n();
  const { user, can } = useSession();
  const report = useReportError();
  const [form] = Form.useForm<ItemFilter & { overdueOnly?: boolean }>();
  // The import result, the list page and notifications link here with ?listId= and ?overdue=true.
  const [params] = useSearchParams();
  const [initialListId] = useState(() => Number(params.get('listId')) || undefined);
  const [initialOverdue] = useState(() => params.get('overdue') === 'true');
  const [filter, setFilter] = useState<ItemFilter>({
    ...(initialListId ? { listId: initialListId } : {}),
    ...(initialOverdue ? { overdue: 'true' } : {}),
  });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [sort, setSort] = useState<Sort>({});
  const [saving, setSaving] = useState(false);
  const [filterName, setFilterName] = useState('');
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const isOffice = can('worklists.manage');
  const seesAll = ['office', 'leader', 'admin'].includes(user.role);
  const units = useUnits();
  const { data: lists } = useLoad(useCallback(() => api.get<WorklistView[]>('/worklists'), []));
  const { data: saved, reload: reloadSaved } = useLoad(useCallback(() => api.get<SavedFilterView[]>('/items/saved-filters'), []));
  const { data, loading } = useLoad(useCallback(() => api.get<Page<ItemView>>('/items', { ...filter, ...sort, ...paging }), [filter, sort, paging]));

  const apply = (values: ItemFilter & { overdueOnly?: boolean }) => {
    const { overdueOnly, ...rest } = values;
    const next: ItemFilter = Object.fromEntries(Object.entries({ ...rest, overdue: overdueOnly ? 'true' : undefined }).filter(([, v]) => v !== undefined && v !== null && v !== ''));
    setFilter(next);
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const applySaved = (id: number | undefined) => {
    const f = saved?.find((s) => s.id === id)?.filter ?? {};
    form.resetFields();
    form.setFieldsValue({ ...f, overdueOnly: f.overdue === 'true' });
    apply({ ...f, overdueOnly: f.overdue === 'true' });
  };
  const saveFilter = async () => {
    try {
      await api.post('/items/saved-filters', { name: filterName, filter });
      setSaving(false);
      setFilterName('');
      reloadSaved();
    } catch (err) {
      report(err);
    }
  };

  const columns: TableProps<ItemView>['columns'] = [
    { title: pick(worklistLabels.code), dataIndex: 'code', width: 70, sorter: true, key: 'code' },
    {
      title: pick(worklistLabels.content),
      dataIndex: 'content',
      render: (_, item) => (
        <Space direction="vertical" size={0}>
          <Link to={`/worklists/items/${item.id}`}>{item.content}</Link>
          <span style={{ color: '#888', fontSize: 12 }}>
            {item.listName}
            {item.area ? ` · ${item.area}` : ''}
          </span>
        </Space>
      ),
    },
    { title: pick(worklistLabels.lead), key: 'lead', width: 160, render: (_, item) => unitNames(item.leadUnits) },
    { title: pick(worklistLabels.deadline), key: 'deadline', width: 150, sorter: true, render: (_, item) => <Due item={item} /> },
    {
      title: pick(worklistLabels.status),
      key: 'status',
      width: 120,
      sorter: true,
      render: (_, item) => <StatusTag status={item.status} />,
    },
    {
      title: pick(worklistLabels.percent),
      key: 'percent',
      width: 130,
      sorter: true,
      render: (_, item) => <Percent value={item.percent} />,
    },
  ];

  return (
    <>
      <WorklistsNav />
    <Card
      title={pick(worklistLabels.items)}
      extra={
        <Space wrap>
          <Select<number>
            allowClear
            placeholder={pick(worklistLabels.savedFilters)}
            aria-label={pick(worklistLabels.savedFilters)}
            style={{ minWidth: 160 }}
            options={(saved ?? []).map((s) => ({ value: s.id, label: s.name }))}
            onChange={applySaved}
          />
          <Button onClick={() => setSaving(true)}>{pick(worklistLabels.saveFilter)}</Button>
          {isOffice && <ExportButton query={{ ...filter, ...sort }} />}
          {isOffice && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {pick(worklistLabels.newItem)}
            </Button>
          )}
        </Space>
      }
    >
      <Form
        form={form}
        layout="inline"
        onFinish={apply}
        initialValues={{ listId: initialListId, overdueOnly: initialOverdue }}
        style={{ rowGap: 8, marginBottom: 16 }}
      >
        <Form.Item name="kind" label={pick(worklistLabels.kind)}>
          <Select placeholder={pick(PLEASE_CHOOSE)} allowClear style={{ width: 130 }} options={ITEM_KINDS.map((k) => ({ value: k, label: pick(ITEM_KIND_LABELS[k]) }))} />
        </Form.Item>
        <Form.Item name="listId" label={pick(worklistLabels.list)}>
          <Select placeholder={pick(PLEASE_CHOOSE)} allowClear style={{ width: 220 }} options={(lists ?? []).map((l) => ({ value: l.id, label: l.name }))} />
        </Form.Item>
        {seesAll && (
          <Form.Item name="unitId" label={pick(worklistLabels.unit)}>
            <UnitSelect units={units} style={{ width: 220 }} />
          </Form.Item>
        )}
        <Form.Item name="status" label={pick(worklistLabels.status)}>
          <Select placeholder={pick(PLEASE_CHOOSE)} allowClear style={{ width: 140 }} options={ITEM_STATUSES.map((s) => ({ value: s, label: pick(ITEM_STATUS_LABELS[s]) }))} />
        </Form.Item>
        <Form.Item name="dueWithin" label={pick(worklistLabels.dueWithin)}>
          <InputNumber min={0} max={250} style={{ width: 80 }} />
        </Form.Item>
        <Form.Item name="overdueOnly" valuePropName="checked">
          <Checkbox>{pick(worklistLabels.overdue)}</Checkbox>
        </Form.Item>
        <Form.Item name="q" label={pick(worklistLabels.keyword)}>
          <Input allowClear style={{ width: 180 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {pick(worklistLabels.search)}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              apply({});
            }}
          >
            {pick(worklistLabels.reset)}
          </Button>
        </Space>
      </Form>
      <ResponsiveTable<ItemView>
        phoneColumns={['content', 'deadline']}
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 800 }}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: data?.total ?? 0, showSizeChanger: true }}
        onChange={(p, _f, sorter) => {
          setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 });
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setSort(s?.order ? { sort: s.columnKey as Sort['sort'], order: s.order === 'descend' ? 'desc' : 'asc' } : {});
        }}
      />
      {creating && <ItemForm lists={lists} open={creating} onClose={() => setCreating(false)} onSaved={(i) => navigate(`/worklists/items/${i.id}`)} />}
      <Modal title={pick(worklistLabels.saveFilter)} open={saving} onOk={saveFilter} onCancel={() => setSaving(false)} okButtonProps={{ disabled: !filterName.trim() }}>
        <Input aria-label={pick(worklistLabels.filterName)} placeholder={pick(worklistLabels.filterName)} value={filterName} onChange={(e) => setFilterName(e.target.value)} maxLength={40} />
      </Modal>
    </Card>
    </>
  );
}
