import { Alert, App, Button, Form, Input, List, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
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

/** 知识库: the answers the seat finds during a call, searched and added here, each linked to a subject and a policy. */
export function KnowledgeTab() {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const { tree, names } = useSubjectTree();
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<AnswerForm>();
  const { data: answers, refetch, isFetching } = $api.useQuery('get', '/api/v1/demands/knowledge', { params: { query: { q } } });
  const save = async (v: AnswerForm) => {
    await ok(
      client.POST('/api/v1/demands/knowledge', {
        body: {
          question: v.question,
          answer: v.answer,
          keywords: v.keywords ?? '',
          subjectId: v.subjectId ?? null,
          policyId: v.policyId ?? null,
        },
      }),
    );
    message.success(pick(L.saved));
    setAdding(false);
    form.resetFields();
    await refetch();
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" message={pick(L.knowledgeHelp)} />
      <Space wrap>
        <Input.Search aria-label={pick(L.search)} placeholder={pick(L.search)} allowClear onSearch={setQ} style={{ maxWidth: 360 }} />
        <Button type="primary" onClick={() => setAdding(true)}>
          {pick(L.addAnswer)}
        </Button>
      </Space>
      <List
        loading={isFetching}
        dataSource={answers ?? []}
        locale={{ emptyText: pick(L.noAnswers) }}
        renderItem={(a) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  {a.question}
                  {a.subjectId && <Tag>{names.get(a.subjectId)}</Tag>}
                  {a.policyId && <Tag color="blue">{pick(L.policy)}</Tag>}
                </Space>
              }
              description={<Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.answer}</Typography.Paragraph>}
            />
          </List.Item>
        )}
      />
      {adding && (
        <FormModal<AnswerForm> title={pick(L.addAnswer)} form={form} onSubmit={save} onCancel={() => setAdding(false)}>
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
        </FormModal>
      )}
    </Space>
  );
}
