import { Alert, App, Button, Form, Input, List, Popconfirm, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import type { KnowledgeView as Answer } from '../../../../src/common/schemas/demands.js';
import { $api, client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { useI18n } from '../../i18n.js';
import { useSubjectTree } from './RouteRulesTab.js';
import { demandLabels } from './labels.js';
import { settingsLabels as L } from './settings.labels.js';

interface AnswerForm {
  subjectId?: number;
  question: string;
  answer: string;
  keywords?: string;
  policyId?: number;
  serviceId?: number;
}

/** Picks a policy of the policy library by its title. */
function PolicySelect(props: { value?: number; onChange?: (v: number | undefined) => void }) {
  const { pick } = useI18n();
  const [q, setQ] = useState('');
  const { data } = $api.useQuery('get', '/api/v1/policies', { params: { query: { q: q || undefined } } });
  return (
    <Select<number>
      {...props}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      placeholder={pick({ zh: '输入政策名称检索', en: 'Type a policy title' })}
      options={(data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
    />
  );
}

/** Picks a service of the catalogue by name or code; the current link stays listed while searching. */
function ServiceSelect(props: { id?: string; value?: number; onChange?: (v: number | undefined) => void; current?: Answer['service'] }) {
  const { pick } = useI18n();
  const [q, setQ] = useState('');
  const { data } = $api.useQuery('get', '/api/v1/services/catalogue', { params: { query: { q: q || undefined, pageSize: 20 } } });
  const found = (data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.code}）` }));
  const { current } = props;
  const options =
    current && !found.some((o) => o.value === current.id)
      ? [{ value: current.id, label: `${current.name}（${current.code}）` }, ...found]
      : found;
  return (
    <Select<number>
      // The form item's id ties its label to the box (screen readers, tests).
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      placeholder={pick(L.serviceSearch)}
      options={options}
    />
  );
}

/** 知识库: the answers the seat finds during a call, kept here; each may name a subject, a policy and a service. */
export function KnowledgeTab() {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const { tree, names } = useSubjectTree();
  const [q, setQ] = useState('');
  // null: closed; 'new': adding; an answer: editing it.
  const [open, setOpen] = useState<Answer | 'new' | null>(null);
  const [form] = Form.useForm<AnswerForm>();
  const { data: answers, refetch, isFetching } = $api.useQuery('get', '/api/v1/demands/knowledge', { params: { query: { q } } });
  const editing = open && open !== 'new' ? open : null;
  const start = (a: Answer | 'new') => {
    form.resetFields();
    if (a !== 'new')
      form.setFieldsValue({
        question: a.question,
        answer: a.answer,
        keywords: a.keywords,
        subjectId: a.subjectId ?? undefined,
        policyId: a.policyId ?? undefined,
        serviceId: a.service?.id,
      });
    setOpen(a);
  };
  const save = async (v: AnswerForm) => {
    const body = {
      question: v.question,
      answer: v.answer,
      keywords: v.keywords ?? '',
      subjectId: v.subjectId ?? null,
      policyId: v.policyId ?? null,
      serviceId: v.serviceId ?? null,
    };
    if (editing) await ok(client.PUT('/api/v1/demands/knowledge/{id}', { params: { path: { id: String(editing.id) } }, body }));
    else await ok(client.POST('/api/v1/demands/knowledge', { body }));
    message.success(pick(L.saved));
    setOpen(null);
    await refetch();
  };
  const remove = async (a: Answer) => {
    await ok(client.DELETE('/api/v1/demands/knowledge/{id}', { params: { path: { id: String(a.id) } } }));
    message.success(pick(L.removed));
    await refetch();
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" message={pick(L.knowledgeHelp)} />
      <Space wrap>
        <Input.Search aria-label={pick(L.search)} placeholder={pick(L.search)} allowClear onSearch={setQ} style={{ maxWidth: 360 }} />
        <Button type="primary" onClick={() => start('new')}>
          {pick(L.addAnswer)}
        </Button>
      </Space>
      <List
        loading={isFetching}
        dataSource={answers ?? []}
        locale={{ emptyText: pick(L.noAnswers) }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button key="edit" size="small" type="link" onClick={() => start(a)}>
                {pick(L.editAnswer)}
              </Button>,
              <Popconfirm key="remove" title={pick(L.removeAnswerConfirm)} onConfirm={() => remove(a)}>
                <Button size="small" type="link" danger>
                  {pick(L.removeAnswer)}
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  {a.question}
                  {a.subjectId && <Tag>{names.get(a.subjectId)}</Tag>}
                  {a.policyId && <Tag color="blue">{pick(L.policy)}</Tag>}
                  {a.service && <ServiceGuideLink service={a.service} />}
                </Space>
              }
              description={<Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.answer}</Typography.Paragraph>}
            />
          </List.Item>
        )}
      />
      {open && (
        <FormModal<AnswerForm>
          title={pick(editing ? L.editAnswer : L.addAnswer)}
          form={form}
          onSubmit={save}
          onCancel={() => setOpen(null)}
        >
          <Form.Item name="question" label={pick(L.question)} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="answer" label={pick(L.answer)} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={5} maxLength={4000} />
          </Form.Item>
          <Form.Item name="keywords" label={pick(L.keywords)}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="subjectId" label={pick(demandLabels.subject)}>
            <TreeSelect treeData={tree} allowClear showSearch treeNodeFilterProp="title" placeholder={pick(L.anySubject)} />
          </Form.Item>
          <Form.Item name="policyId" label={pick(L.policy)}>
            <PolicySelect />
          </Form.Item>
          <Form.Item name="serviceId" label={pick(L.service)}>
            <ServiceSelect current={editing?.service ?? null} />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}

/** The linked service's name, opening its public guide page (the guide is by the service's code). */
export function ServiceGuideLink({ service }: { service: NonNullable<Answer['service']> }) {
  const { pick } = useI18n();
  return (
    <a href={`/guide/services/${encodeURIComponent(service.code)}`} target="_blank" rel="noreferrer">
      {pick(demandLabels.serviceGuide)}：{service.name}
    </a>
  );
}
