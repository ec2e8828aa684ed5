import { Alert, Button, Card, Col, Empty, Input, List, Row, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { POLICY_AREA_LABELS, type BenefitView, type PolicyView, type RuleCheckView } from '../../../../src/common/schemas/policies.js';
import { $api, client, ok } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { Explanation } from './Explanation.js';
import { policyLabels, bi, fill } from './labels.js';

/** The policy library, and the rule editor of one benefit with live validation and example tests. */
export default function PoliciesPage() {
  const { pick } = useI18n();
  const [q, setQ] = useState('');
  const { data } = $api.useQuery('get', '/api/v1/policies', { params: { query: { q, pageSize: 200 } } });
  const [selected, setSelected] = useState<BenefitView | null>(null);
  const benefits = useMemo(() => (data?.items ?? []).flatMap((p) => p.benefits.map((b) => ({ ...b, policy: p }))), [data]);

  return (
    <Row gutter={16}>
      <Col xs={24} xl={11}>
        <Card
          title={pick(policyLabels.library)}
          extra={
            <Input.Search
              placeholder={pick(policyLabels.searchPolicies)}
              allowClear
              onSearch={setQ}
              style={{ width: 200, maxWidth: '45vw' }}
            />
          }
        >
          <Table
            size="small"
            rowKey="id"
            dataSource={data?.items ?? []}
            pagination={false}
            columns={[
              {
                title: pick(policyLabels.policy),
                dataIndex: 'title',
                render: (t: string, p: PolicyView) => (
                  <span>
                    {t}
                    <br />
                    <Typography.Text type="secondary">
                      {p.docNumber} · {p.departmentName}
                    </Typography.Text>
                  </span>
                ),
              },
              {
                title: pick(policyLabels.area),
                dataIndex: 'area',
                width: 90,
                render: (a: PolicyView['area']) => pick(POLICY_AREA_LABELS[a]),
              },
            ]}
            expandable={{
              // Benefits are what staff work on: every policy stays open.
              expandedRowKeys: (data?.items ?? []).map((p) => p.id),
              showExpandColumn: false,
              expandedRowRender: (p: PolicyView) => (
                <List
                  size="small"
                  dataSource={p.benefits}
                  renderItem={(b) => (
                    <List.Item
                      actions={[
                        <Button
                          key="edit"
                          size="small"
                          onClick={() => setSelected(b)}
                          aria-label={`${pick(policyLabels.editRule)} ${b.code}`}
                        >
                          {pick(policyLabels.editRule)}
                        </Button>,
                      ]}
                    >
                      <Space wrap>
                        <Tag>{b.code}</Tag>
                        {b.name}
                        {b.autoGrant ? (
                          <Tag color="blue">{pick(policyLabels.autoGrant)}</Tag>
                        ) : (
                          <Tag>{pick(policyLabels.byApplication)}</Tag>
                        )}
                        {b.autoGrant && b.matchStale && <Tag color="orange">{pick(policyLabels.stale)}</Tag>}
                      </Space>
                    </List.Item>
                  )}
                />
              ),
            }}
          />
        </Card>
      </Col>
      <Col xs={24} xl={13}>
        {selected ? (
          <RuleEditor key={selected.id} benefit={benefits.find((b) => b.id === selected.id) ?? selected} />
        ) : (
          <Card title={pick(policyLabels.ruleEditor)}>
            <Empty description={pick(policyLabels.pickBenefit)} />
          </Card>
        )}
      </Col>
    </Row>
  );
}

function RuleEditor({ benefit }: { benefit: BenefitView }) {
  const { pick } = useI18n();
  const report = useReportError();
  const [text, setText] = useState(benefit.rule);
  const [tested, setTested] = useState<RuleCheckView | null>(null);
  const [example, setExample] = useState(0);
  const [saving, setSaving] = useState(false);

  // Live validation: the server checks the rule shortly after typing stops (the last check stays shown meanwhile).
  const [typed, setTyped] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setTyped(text), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const { data: check } = useQuery({
    queryKey: ['post', '/api/v1/policies/rules/check', benefit.code, typed],
    queryFn: () => ok(client.POST('/api/v1/policies/rules/check', { body: { text: typed, code: benefit.code } })),
  });

  const runExamples = async () => {
    try {
      setTested(await ok(client.POST('/api/v1/policies/rules/check', { body: { text, code: benefit.code, examples: benefit.examples } })));
    } catch (err) {
      report(err);
    }
  };
  const save = async () => {
    setSaving(true);
    try {
      // The library (and this benefit's version) load afresh after the write.
      await client.PATCH('/api/v1/policies/benefits/{id}', {
        params: { path: { id: String(benefit.id) } },
        body: { rule: text, version: benefit.version },
      });
    } catch (err) {
      report(err);
    } finally {
      setSaving(false);
    }
  };
  const outcome = tested?.examples[example];

  return (
    <Card title={`${pick(policyLabels.ruleEditor)}：${benefit.code} ${benefit.name}`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          aria-label={pick(policyLabels.rule)}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 5, maxRows: 14 }}
          style={{ fontFamily: 'monospace' }}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {pick(policyLabels.fieldHelp)}
        </Typography.Text>
        {check &&
          (check.ok ? (
            <Alert
              type="success"
              showIcon
              message={pick(policyLabels.ruleValid)}
              description={
                check.reading && (
                  <span aria-label={pick(policyLabels.reading)}>
                    {pick(policyLabels.reading)}：{pick(check.reading)}
                  </span>
                )
              }
            />
          ) : (
            <Alert
              type="error"
              showIcon
              message={pick(policyLabels.ruleInvalid)}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {check.problems.map((p) => (
                    <li key={`${p.start}-${p.kind}`}>
                      {fill(pick(policyLabels.at), { line: p.line, column: p.column })}
                      {pick(bi(p.message))}
                    </li>
                  ))}
                </ul>
              }
            />
          ))}
        <Space>
          <Button onClick={runExamples}>{pick(policyLabels.testExamples)}</Button>
          <Button type="primary" onClick={save} loading={saving} disabled={!check?.ok}>
            {pick(policyLabels.saveRule)}
          </Button>
        </Space>
        {tested && (
          <>
            <Table
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={tested.examples}
              onRow={(_, k) => ({ onClick: () => setExample(k ?? 0) })}
              columns={[
                { title: pick(policyLabels.example), dataIndex: 'name' },
                {
                  title: pick(policyLabels.expected),
                  dataIndex: 'expected',
                  render: (v: boolean) => pick(v ? policyLabels.qualifies : policyLabels.notQualifies),
                },
                {
                  title: pick(policyLabels.actual),
                  dataIndex: 'actual',
                  render: (v: boolean | null) => (v === null ? '—' : pick(v ? policyLabels.qualifies : policyLabels.notQualifies)),
                },
                {
                  title: pick(policyLabels.outcome),
                  dataIndex: 'pass',
                  render: (v: boolean) => <Tag color={v ? 'green' : 'red'}>{pick(v ? policyLabels.passed : policyLabels.failed)}</Tag>,
                },
              ]}
            />
            {outcome?.explanation && <Explanation node={outcome.explanation} />}
          </>
        )}
      </Space>
    </Card>
  );
}
