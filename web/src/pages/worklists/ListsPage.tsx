import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  ITEM_KINDS,
  ITEM_KIND_LABELS,
  type ItemKind,
  WORKLIST_LIMITS,
  type WorklistView,
} from '../../../../src/common/schemas/worklists.js';
import { $api, client } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { WorklistsNav } from './WorklistsNav.js';
import { workbookLabels } from './excelLabels.js';
import { worklistLabels, fill } from './labels.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { PLEASE_CHOOSE } from '../../components/format.js';

type Values = { kind: ItemKind; name: string; description?: string | null };

/** The named lists (实施方案4.0, 2024年问题清单 …): create, rename, delete an empty one. */
export default function ListsPage() {
  const { pick, t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<WorklistView | 'new' | null>(null);
  const [kind, setKind] = useState<ItemKind | undefined>();
  const { data, isFetching } = $api.useQuery('get', '/api/v1/worklists', { params: { query: { kind } } });

  const open = (target: WorklistView | 'new') => {
    form.resetFields();
    if (target !== 'new') form.setFieldsValue({ kind: target.kind, name: target.name, description: target.description });
    setEditing(target);
  };
  const save = async (v: Values) => {
    try {
      const description = v.description || null;
      if (editing === 'new') await client.POST('/api/v1/worklists', { body: { kind: v.kind, name: v.name, description } });
      else if (editing) {
        const body = { version: editing.version, name: v.name, description };
        await client.PATCH('/api/v1/worklists/{id}', { params: { path: { id: String(editing.id) } }, body });
      }
      setEditing(null);
      message.success(t('common.saved'));
    } catch (err) {
      report(err, form);
    }
  };
  const remove = async (l: WorklistView) => {
    try {
      await client.DELETE('/api/v1/worklists/{id}', { params: { path: { id: String(l.id) } } });
      message.success(pick(workbookLabels.deleted));
    } catch (err) {
      report(err);
    }
  };

  return (
    <>
      <WorklistsNav />
      <Card
        title={pick(workbookLabels.listsNav)}
        extra={
          <Space wrap>
            <Select<ItemKind>
              allowClear
              aria-label={pick(worklistLabels.kind)}
              placeholder={pick(worklistLabels.kind)}
              style={{ width: 130 }}
              value={kind}
              onChange={setKind}
              options={ITEM_KINDS.map((k) => ({ value: k, label: pick(ITEM_KIND_LABELS[k]) }))}
            />
            <Button type="primary" onClick={() => open('new')}>
              {pick(workbookLabels.newList)}
            </Button>
          </Space>
        }
      >
        <ResponsiveTable<WorklistView>
          phoneColumns={['name', 'closedCount']}
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data ?? []}
          scroll={{ x: 560 }}
          pagination={false}
          columns={[
            {
              title: pick(worklistLabels.kind),
              dataIndex: 'kind',
              width: 110,
              render: (k: ItemKind) => <Tag>{pick(ITEM_KIND_LABELS[k])}</Tag>,
            },
            {
              title: pick(workbookLabels.name),
              dataIndex: 'name',
              render: (name: string, l) => <Link to={`/worklists?listId=${l.id}`}>{name}</Link>,
            },
            { title: pick(workbookLabels.itemCount), dataIndex: 'itemCount', width: 80, align: 'right' },
            { title: pick(workbookLabels.closedCount), dataIndex: 'closedCount', width: 80, align: 'right' },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 150,
              render: (_, l) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => open(l)}>
                    {pick(workbookLabels.rename)}
                  </Button>
                  <Popconfirm title={fill(pick(workbookLabels.deleteConfirm), { name: l.name })} onConfirm={() => remove(l)}>
                    <Button type="link" size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        title={pick(editing === 'new' ? workbookLabels.newList : workbookLabels.rename)}
        open={editing !== null}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <Form<Values> form={form} layout="vertical" onFinish={save} initialValues={{ kind: 'task' }}>
          <Form.Item name="kind" label={pick(worklistLabels.kind)} rules={[{ required: true }]}>
            <Select
              placeholder={pick(PLEASE_CHOOSE)}
              disabled={editing !== 'new'}
              options={ITEM_KINDS.map((k) => ({ value: k, label: pick(ITEM_KIND_LABELS[k]) }))}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label={pick(workbookLabels.name)}
            rules={[{ required: true, whitespace: true, max: WORKLIST_LIMITS.listName }]}
          >
            <Input maxLength={WORKLIST_LIMITS.listName} />
          </Form.Item>
          <Form.Item name="description" label={pick(workbookLabels.description)}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
