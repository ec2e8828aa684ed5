import { App, Button, Card, Col, Form, Input, List, Row, Select, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { DEMAND_CHANNELS, DEMAND_TYPES, RESPONDENT_TYPES } from '../../../../src/common/schemas/demands.js';
import { $api, type ApiBody, client, ok } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { ServiceGuideLink } from './KnowledgeTab.js';
import { CHANNEL_LABELS, TYPE_LABELS, demandLabels } from './labels.js';

type IntakeBody = ApiBody<'/api/v1/demands'>;

function newKey() {
  return `web-${crypto.randomUUID()}`;
}

/** The seat's intake form with the knowledge base beside it: a consultation answered on the call closes at once. */
export function IntakeCard() {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const { can } = useSession();
  const isEnterprise = can('demands.scope.enterprise');
  const [form] = Form.useForm<IntakeBody>();
  // Only a complaint or a report names the enterprise it is against.
  const type = Form.useWatch('type', form);
  const againstEnterprise = !!type && RESPONDENT_TYPES.includes(type);
  // One key per form: a double click or a retry returns the same ticket.
  const [key, setKey] = useState(newKey);
  const [busy, setBusy] = useState(false);
  const [q, setQ] = useState('');
  const { data: subjects } = $api.useQuery('get', '/api/v1/demands/subjects');
  const { data: answers } = $api.useQuery(
    'get',
    '/api/v1/demands/knowledge',
    { params: { query: { q } } },
    { enabled: can('demands.knowledge') && q.trim().length > 0 },
  );
  const tree = useMemo(() => {
    const list = subjects ?? [];
    type Node = { value: number; title: string; children: Node[] };
    const node = (id: number | null): Node[] =>
      list.filter((s) => s.parentId === id).map((s) => ({ value: s.id, title: s.name, children: node(s.id) }));
    return node(null);
  }, [subjects]);

  const submit = async (values: IntakeBody, firstContactAnswer?: string, knowledgeId?: number) => {
    setBusy(true);
    try {
      const body: IntakeBody = {
        ...values,
        channel: isEnterprise ? 'web' : values.channel,
        idempotencyKey: key,
        ...(firstContactAnswer ? { firstContactAnswer, knowledgeId } : {}),
      };
      const t = await ok(client.POST('/api/v1/demands', { body }));
      message.success(`${pick(t.firstContact ? demandLabels.closedAtOnce : demandLabels.created)} ${t.code}`);
      form.resetFields();
      setKey(newKey());
      setQ('');
      navigate(`/demands/${t.id}`);
    } catch (err) {
      report(err, form);
    } finally {
      setBusy(false);
    }
  };
  const answerWith = async (answer: string, id: number) => {
    try {
      const values = await form.validateFields();
      await submit({ ...values, type: 'consult' }, answer, id);
    } catch (err) {
      if (!(err && typeof err === 'object' && 'errorFields' in err)) report(err);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={can('demands.knowledge') ? 14 : 24}>
        <Card size="small" title={pick(demandLabels.intake)}>
          <Form form={form} layout="vertical" onFinish={(v) => submit(v)} initialValues={{ channel: 'seat', type: 'consult' }}>
            {!isEnterprise && (
              <Form.Item name="channel" label={pick(demandLabels.channel)}>
                <Select
                  options={DEMAND_CHANNELS.filter((c) => c !== 'import' && c !== 'open311').map((c) => ({
                    value: c,
                    label: pick(CHANNEL_LABELS[c]),
                  }))}
                />
              </Form.Item>
            )}
            <Form.Item name="type" label={pick(demandLabels.type)} rules={[{ required: true }]}>
              <Select options={DEMAND_TYPES.map((t) => ({ value: t, label: pick(TYPE_LABELS[t]) }))} />
            </Form.Item>
            <Form.Item name="subjectId" label={pick(demandLabels.subject)} rules={[{ required: true }]}>
              <TreeSelect treeData={tree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
            </Form.Item>
            {!isEnterprise && (
              <>
                <Form.Item name="uscc" label={pick(demandLabels.uscc)}>
                  <Input maxLength={18} autoComplete="off" />
                </Form.Item>
                <Form.Item name="enterpriseName" label={pick(demandLabels.enterpriseName)}>
                  <Input maxLength={200} />
                </Form.Item>
              </>
            )}
            {againstEnterprise && (
              <>
                <Form.Item
                  name="respondentUscc"
                  label={pick(demandLabels.respondentUscc)}
                  extra={pick(demandLabels.respondentHelp)}
                  preserve={false}
                >
                  <Input maxLength={18} autoComplete="off" />
                </Form.Item>
                <Form.Item name="respondentName" label={pick(demandLabels.respondentName)} preserve={false}>
                  <Input maxLength={200} />
                </Form.Item>
              </>
            )}
            <Form.Item name="contactName" label={pick(demandLabels.contactName)}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="contactPhone" label={pick(demandLabels.contactPhone)}>
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
            <Form.Item name="description" label={pick(demandLabels.description)} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={4} maxLength={4000} showCount />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {pick(demandLabels.submit)}
            </Button>
          </Form>
        </Card>
      </Col>
      {can('demands.knowledge') && (
        <Col xs={24} lg={10}>
          <Card size="small" title={pick(demandLabels.knowledge)}>
            <Typography.Paragraph type="secondary">{pick(demandLabels.knowledgeHelp)}</Typography.Paragraph>
            <Input.Search
              aria-label={pick(demandLabels.knowledge)}
              placeholder={pick(demandLabels.knowledgeSearch)}
              allowClear
              onSearch={setQ}
              enterButton
            />
            {q && (
              <List
                style={{ marginTop: 12 }}
                dataSource={answers ?? []}
                locale={{ emptyText: pick(demandLabels.noAnswers) }}
                renderItem={(a) => (
                  <List.Item
                    actions={[
                      <Button key="use" size="small" onClick={() => answerWith(a.answer, a.id)} loading={busy}>
                        {pick(demandLabels.useAnswer)}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      title={a.question}
                      description={
                        <>
                          {a.answer}
                          {a.service && (
                            <div>
                              <ServiceGuideLink service={a.service} />
                            </div>
                          )}
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      )}
    </Row>
  );
}
